namespace Scheduler.Functions.Cases;

/// <summary><c>PUT /api/authorities/{code}/cases/{caseRef}</c>: the case's type and assignees (events are kept).</summary>
public sealed class PutCase(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(PutCase))]
    [ApiOperation("Cases", "Create or update a case's type and assignees (events are kept).")]
    [ApiRequest(typeof(PutCaseRequest), Example = """{"type":"CP","assignees":{"CPC":"cp.chair@croydon.example"}}""")]
    [ApiResponse(200, "The case was updated.", Type = typeof(CaseView))]
    [ApiResponse(201, "The case was created.", Type = typeof(CaseView))]
    [ApiResponse(404, "No such authority.")]
    [ApiResponse(409, "Concurrent writes kept conflicting; retry.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Case)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var (view, created) = await cases.PutAsync(code, caseRef, PutCaseRequest.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct);
            return ApiResults.Json(CaseView.From(view, await acknowledgements.LookupKnownAsync(code, ct)), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
