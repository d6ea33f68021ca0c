using Scheduler.Contracts;

namespace Scheduler.Functions.Cases;

/// <summary><c>GET /api/authorities/{code}/cases/{caseRef}/milestones</c>: <c>{"milestones":[…]}</c>, as the CLI prints it.</summary>
public sealed class GetCaseMilestones(ApiEndpoint api, CaseService cases)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetCaseMilestones))]
    [ApiOperation("Cases", "The case's due dates as {\"milestones\":[…]}, the same shape as the scheduler CLI prints.")]
    [ApiResponse(200, "The milestones.", Type = typeof(MilestonesDocument))]
    [ApiResponse(404, "No such authority or case.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CaseMilestones)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(MilestonesDocument.From((await cases.GetAsync(code, caseRef, ct)).Milestones), ContractJson.Options));
}
