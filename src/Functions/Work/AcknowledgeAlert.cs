namespace Scheduler.Functions.Work;

/// <summary><c>POST /api/authorities/{code}/alerts/{key}/acknowledge</c>: <c>{"reason", "expires"?}</c>.</summary>
public sealed class AcknowledgeAlert(ApiEndpoint api, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeAlert))]
    [ApiOperation("Work", "Acknowledge an alert: {\"reason\":…, \"expires\"?:\"yyyy-MM-dd\"}. The sweep holds the alert back while it stands; audited.")]
    [ApiRequest(typeof(AcknowledgeRequest), Example = """{"reason":"Conference booked for 5 Jan","expires":"2018-01-05"}""")]
    [ApiResponse(201, "The acknowledgement (acknowledging again renews it).", Type = typeof(AcknowledgementView))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Acknowledge)] HttpRequest request, string code, string key) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var ack = await acknowledgements.AcknowledgeAsync(code, key, AcknowledgeRequest.Parse(await ApiEndpoint.BodyAsync(request, ct)), caller.KeyId, ct);
            return ApiResults.Json(AcknowledgementView.From(ack), StatusCodes.Status201Created);
        });
}
