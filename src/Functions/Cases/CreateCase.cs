namespace Scheduler.Functions.Cases;

/// <summary><c>POST /api/authorities/{code}/cases/{caseRef}</c>: 201, or 409 when the case exists.</summary>
public sealed class CreateCase(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(CreateCase))]
    [ApiOperation("Cases", "Create a case by council case reference (type CP or LAC; assignee emails; optional initial events).")]
    [ApiRequest(typeof(CreateCaseRequest), Example = """{"type":"CP","assignees":{"CPC":"cp.chair@croydon.example","TM":"team.manager.north@croydon.example"},"events":[{"type":"strategy_discussion","date":"2017-12-04"}]}""")]
    [ApiResponse(201, "The case with its due dates.", Type = typeof(CaseView))]
    [ApiResponse(404, "No such authority.")]
    [ApiResponse(409, "The case exists.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Case)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
            ApiResults.Json(
                CaseView.From(await cases.CreateAsync(code, caseRef, CreateCaseRequest.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct), await acknowledgements.LookupKnownAsync(code, ct)),
                StatusCodes.Status201Created));
}
