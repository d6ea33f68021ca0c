namespace Scheduler.Functions.Cases;

/// <summary><c>POST /api/authorities/{code}/cases/{caseRef}/events</c>: 201 when recorded, 200 when the event id was already recorded.</summary>
public sealed class RecordCaseEvent(ApiEndpoint api, CaseService cases, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(RecordCaseEvent))]
    [ApiOperation("Cases", "Record an event on a case (idempotent on \"id\"); returns the recomputed due dates.")]
    [ApiRequest(typeof(EventRequest), Example = """{"id":"lcs-2017-000123","type":"icpc_held","date":"2017-12-12"}""")]
    [ApiResponse(200, "An event with this id was already recorded: nothing changed.", Type = typeof(CaseView))]
    [ApiResponse(201, "Recorded; the case recomputed.", Type = typeof(CaseView))]
    [ApiResponse(404, "No such authority or case.")]
    [ApiResponse(409, "The event id was used for another subject, or concurrent writes kept conflicting.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.CaseEvents)] HttpRequest request, string code, string caseRef) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var view = await cases.RecordEventAsync(code, caseRef, EventInput.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct);
            return ApiResults.Json(CaseView.From(view, await acknowledgements.LookupKnownAsync(code, ct)), view.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
