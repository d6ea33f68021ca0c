namespace Scheduler.Functions.Episodes;

/// <summary><c>POST /api/authorities/{code}/episodes/{id}/events</c>: 201 when recorded, 200 when the event id was already recorded.</summary>
public sealed class RecordEpisodeEvent(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(RecordEpisodeEvent))]
    [ApiOperation("Episodes", "Record an event on an episode (idempotent on \"id\"); returns the recomputed calendar.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.EpisodeEvents)] HttpRequest request, string code, string id) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var view = await episodes.RecordEventAsync(code, id, EventInput.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct);
            return ApiResults.Json(EpisodeView.From(view, await acknowledgements.LookupAsync(code, ct)), view.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
