namespace Scheduler.Functions.Work;

/// <summary>
/// Deprecated for one more release: <c>POST /api/authorities/{code}/alerts/{key}/acknowledge</c> with
/// <c>{"reason", "expires"? | "until"?}</c>. The alert key is mapped to its milestone, which is acknowledged for
/// everyone (as the successor route does); an alert key that names no open milestone of the authority is a 404.
/// Every answer carries <c>Deprecation: true</c> and a <c>Link</c> to the successor.
/// </summary>
public sealed class AcknowledgeAlert(ApiEndpoint api, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeAlert))]
    [ApiOperation("Work", "Deprecated: use POST …/milestones/{milestoneKey}/acknowledge. Acknowledges the milestone of an alert key: {\"reason\":…, \"until\"?:\"yyyy-MM-dd\"} (or \"expires\", its old name).")]
    [ApiRequest(typeof(AcknowledgeRequest), Example = """{"reason":"Conference booked for 5 Jan","expires":"2018-01-05"}""")]
    [ApiResponse(201, "The acknowledgement of the alert's milestone (acknowledging again renews it). Deprecation: true; Link names the successor route.", Type = typeof(AcknowledgementView))]
    [ApiResponse(404, "No such authority, or the alert key names no open milestone.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Acknowledge)] HttpRequest request, string code, string key)
    {
        ArgumentNullException.ThrowIfNull(request);

        // "Deprecation: true" as the IETF draft that became RFC 9745 wrote it (the RFC also allows the date it took
        // effect); the RFC 8288 link relation "successor-version" names the replacement.
        request.HttpContext.Response.Headers["Deprecation"] = "true";
        return api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            // The body is checked first, as everywhere: a malformed request is a 400 whatever it names.
            var (reason, until) = AcknowledgeRequest.Parse(await ApiEndpoint.BodyAsync(request, ct)).ToMilestoneRequest();
            var milestoneKey = AcknowledgementService.MilestoneKeyOfAlert(code, key);
            request.HttpContext.Response.Headers.Link =
                $"</api/authorities/{Uri.EscapeDataString(code)}/milestones/{milestoneKey}/acknowledge>; rel=\"successor-version\"";
            var ack = await acknowledgements.AcknowledgeMilestoneAsync(code, milestoneKey, reason, until, caller.KeyId, ct);
            return ApiResults.Json(AcknowledgementView.From(ack), StatusCodes.Status201Created);
        });
    }
}
