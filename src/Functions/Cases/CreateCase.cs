namespace Scheduler.Functions.Cases;

/// <summary><c>POST /api/authorities/{code}/cases/{caseRef}</c>: 201, or 409 when the case exists.</summary>
public sealed class CreateCase(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(CreateCase))]
    [ApiOperation("Cases", "Create a case by council case reference (type CP or LAC; assignee emails; optional initial events).")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Case)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
            ApiResults.Json(
                CaseView.From(await cases.CreateAsync(code, caseRef, await ApiEndpoint.BodyAsync(request, ct), caller.KeyId, ct), await acknowledgements.LookupAsync(code, ct)),
                StatusCodes.Status201Created));
}
