namespace Scheduler.Functions.Episodes;

/// <summary><c>POST /api/authorities/{code}/episodes</c>: an oversight episode from an inspection report.</summary>
public sealed class CreateEpisode(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(CreateEpisode))]
    [ApiOperation("Episodes", "Create an oversight episode from an inspection report; returns the computed calendar.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Episodes)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
            ApiResults.Json(
                EpisodeView.From(await episodes.CreateAsync(code, await ApiEndpoint.BodyAsync(request, ct), caller.KeyId, ct), await acknowledgements.LookupAsync(code, ct)),
                StatusCodes.Status201Created));
}
