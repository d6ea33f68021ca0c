namespace Scheduler.Functions.Cases;

/// <summary><c>GET /api/authorities/{code}/cases/{caseRef}/milestones</c>: <c>{"milestones":[…]}</c>, the CLI's milestone objects, each with its <c>milestone_key</c> and <c>acknowledgement</c>.</summary>
public sealed class GetCaseMilestones(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetCaseMilestones))]
    [ApiOperation("Cases", "The case's due dates as {\"milestones\":[…]}, the scheduler CLI's milestone objects, each with milestone_key and the acknowledgement holding it (or null).")]
    [ApiResponse(200, "The milestones.", Type = typeof(ApiMilestonesDocument))]
    [ApiResponse(404, "No such authority or case.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CaseMilestones)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(MilestoneViews.Document(await cases.GetAsync(code, caseRef, ct), await acknowledgements.LookupKnownAsync(code, ct))));
}
