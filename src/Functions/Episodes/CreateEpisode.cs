namespace Scheduler.Functions.Episodes;

/// <summary><c>POST /api/authorities/{code}/episodes</c>: an oversight episode from an inspection report.</summary>
public sealed class CreateEpisode(ApiEndpoint api, EpisodeService episodes, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(CreateEpisode))]
    [ApiOperation("Episodes", "Create an oversight episode from an inspection report; returns the computed calendar.")]
    [ApiRequest(typeof(CreateEpisodeRequest), Example = """{"id":"sif-2017-20170904","framework":"sif-2017","report_received":"2017-09-04","report_published":"2017-09-04","events":[{"type":"commissioner_appointed","date":"2017-09-04"}]}""")]
    [ApiResponse(201, "The episode with its milestones.", Type = typeof(EpisodeView))]
    [ApiResponse(404, "No such authority.")]
    [ApiResponse(409, "An episode with this id exists.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Episodes)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
            ApiResults.Json(
                EpisodeView.From(await episodes.CreateAsync(code, CreateEpisodeRequest.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct), await acknowledgements.LookupKnownAsync(code, ct)),
                StatusCodes.Status201Created));
}
