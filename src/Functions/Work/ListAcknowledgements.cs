namespace Scheduler.Functions.Work;

/// <summary><c>GET /api/authorities/{code}/alerts/acknowledgements</c>.</summary>
public sealed class ListAcknowledgements(ApiEndpoint api, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListAcknowledgements))]
    [ApiOperation("Work", "List the authority's alert acknowledgements.")]
    [ApiResponse(200, "The acknowledgements.", Type = typeof(AcknowledgementList))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Acknowledgements)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
            ApiResults.Json(new AcknowledgementList([.. (await acknowledgements.ListAsync(code, ct)).Select(AcknowledgementView.From)])));
}
