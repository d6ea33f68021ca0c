namespace Scheduler.Functions.Work;

/// <summary><c>POST /api/authorities/{code}/alerts/{key}/acknowledge</c>: <c>{"reason", "expires"?}</c>.</summary>
public sealed class AcknowledgeAlert(ApiEndpoint api, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeAlert))]
    [ApiOperation("Work", "Acknowledge an alert: {\"reason\":…, \"expires\"?:\"yyyy-MM-dd\"}. The sweep holds the alert back while it stands; audited.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Acknowledge)] HttpRequest request, string code, string key) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var ack = await acknowledgements.AcknowledgeAsync(code, key, await ApiEndpoint.BodyAsync(request, ct), caller.KeyId, ct);
            return ApiResults.Json(AcknowledgementView.From(ack), StatusCodes.Status201Created);
        });
}
