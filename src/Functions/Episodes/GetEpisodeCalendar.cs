namespace Scheduler.Functions.Episodes;

/// <summary><c>GET /api/authorities/{code}/episodes/{id}/calendar</c>: <c>{"milestones":[…]}</c>, the CLI's milestone objects, each with its <c>milestone_key</c> and <c>acknowledgement</c>.</summary>
public sealed class GetEpisodeCalendar(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetEpisodeCalendar))]
    [ApiOperation("Episodes", "The episode's calendar as {\"milestones\":[…]}, the scheduler CLI's milestone objects, each with milestone_key and the acknowledgement holding it (or null).")]
    [ApiResponse(200, "The milestones.", Type = typeof(ApiMilestonesDocument))]
    [ApiResponse(404, "No such authority or episode.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.EpisodeCalendar)] HttpRequest request, string code, string id) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(MilestoneViews.Document(await episodes.GetAsync(code, id, ct), await acknowledgements.LookupKnownAsync(code, ct))));
}
