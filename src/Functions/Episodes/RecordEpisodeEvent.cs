namespace Scheduler.Functions.Episodes;

/// <summary><c>POST /api/authorities/{code}/episodes/{id}/events</c>: 201 when recorded, 200 when the event id was already recorded.</summary>
public sealed class RecordEpisodeEvent(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(RecordEpisodeEvent))]
    [ApiOperation("Episodes", "Record an event on an episode (idempotent on \"id\"); returns the recomputed calendar.")]
    [ApiRequest(typeof(EventRequest), Example = """{"id":"croydon-apv-2017","type":"action_planning_visit_held","date":"2017-10-16"}""")]
    [ApiResponse(200, "An event with this id was already recorded: nothing changed.", Type = typeof(EpisodeView))]
    [ApiResponse(201, "Recorded; the episode recomputed.", Type = typeof(EpisodeView))]
    [ApiResponse(404, "No such authority or episode.")]
    [ApiResponse(409, "The event id was used for another subject, or concurrent writes kept conflicting.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.EpisodeEvents)] HttpRequest request, string code, string id) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var view = await episodes.RecordEventAsync(code, id, EventInput.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct);
            return ApiResults.Json(EpisodeView.From(view, await acknowledgements.LookupKnownAsync(code, ct)), view.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
