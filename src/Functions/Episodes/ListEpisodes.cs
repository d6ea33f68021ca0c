namespace Scheduler.Functions.Episodes;

/// <summary><c>GET /api/authorities/{code}/episodes</c>.</summary>
public sealed class ListEpisodes(ApiEndpoint api, EpisodeService episodes)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListEpisodes))]
    [ApiOperation("Episodes", "List the authority's oversight episodes with their calendars.")]
    [ApiResponse(200, "The episodes.", Type = typeof(EpisodeList))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Episodes)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(new EpisodeList([.. (await episodes.ListAsync(code, ct)).Select(EpisodeView.From)])));
}
