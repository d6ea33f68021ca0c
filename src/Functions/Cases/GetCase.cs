namespace Scheduler.Functions.Cases;

/// <summary><c>GET /api/authorities/{code}/cases/{caseRef}</c>.</summary>
public sealed class GetCase(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetCase))]
    [ApiOperation("Cases", "Read a case: type, assignees, recorded events and due dates for today.")]
    [ApiResponse(200, "The case.", Type = typeof(CaseView))]
    [ApiResponse(404, "No such authority or case.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Case)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(CaseView.From(await cases.GetAsync(code, caseRef, ct), await acknowledgements.LookupKnownAsync(code, ct))));
}
