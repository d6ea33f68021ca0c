namespace Scheduler.Functions.Episodes;

/// <summary><c>GET /api/authorities/{code}/episodes/{id}</c>.</summary>
public sealed class GetEpisode(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetEpisode))]
    [ApiOperation("Episodes", "Read an episode: facts, recorded events and milestones for today.")]
    [ApiResponse(200, "The episode.", Type = typeof(EpisodeView))]
    [ApiResponse(404, "No such authority or episode.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Episode)] HttpRequest request, string code, string id) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(EpisodeView.From(await episodes.GetAsync(code, id, ct), await acknowledgements.LookupKnownAsync(code, ct))));
}
