namespace Scheduler.Functions.Episodes;

/// <summary><c>GET /api/authorities/{code}/episodes</c>.</summary>
public sealed class ListEpisodes(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListEpisodes))]
    [ApiOperation("Episodes", "List the authority's oversight episodes with their calendars.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Episodes)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
        {
            var acks = await acknowledgements.LookupAsync(code, ct);
            return ApiResults.Json(new { episodes = (await episodes.ListAsync(code, ct)).Select(v => EpisodeView.From(v, acks)) });
        });
}
