using Scheduler.Contracts;

namespace Scheduler.Functions.Episodes;

/// <summary><c>GET /api/authorities/{code}/episodes/{id}/calendar</c>: <c>{"milestones":[…]}</c>, exactly as the CLI prints it.</summary>
public sealed class GetEpisodeCalendar(ApiEndpoint api, EpisodeService episodes)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetEpisodeCalendar))]
    [ApiOperation("Episodes", "The episode's calendar as {\"milestones\":[…]}, the same shape as the scheduler CLI prints.")]
    [ApiResponse(200, "The milestones.", Type = typeof(MilestonesDocument))]
    [ApiResponse(404, "No such authority or episode.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.EpisodeCalendar)] HttpRequest request, string code, string id) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(MilestonesDocument.From((await episodes.GetAsync(code, id, ct)).Milestones), ContractJson.Options));
}
