namespace Scheduler.Functions.Work;

/// <summary>
/// <c>POST /api/authorities/{code}/milestones/{milestone_key}/acknowledge</c>: <c>{"reason", "until"?}</c> → 201
/// with the acknowledgement; 404 for a milestone that does not exist or is closed.
/// </summary>
public sealed class AcknowledgeMilestone(ApiEndpoint api, AcknowledgementService acknowledgements)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeMilestone))]
    [ApiOperation("Work", "Acknowledge an open milestone: {\"reason\":…, \"until\"?:\"yyyy-MM-dd\"}. While it holds (until \"until\", a change of the due date, or the milestone met) no alert goes to anyone for it; it stays on work lists and calendars. Audited.")]
    [ApiPath("milestoneKey", "A milestone, as work-list items and milestones name it (milestone_key): kind, subject, rule, cycle, sequence[, step], each escaped.", "episode.sif-2017-20170904.action_plan_submission.1.1")]
    [ApiRequest(typeof(AcknowledgeMilestoneRequest), Example = """{"reason":"Action plan agreed with Ofsted for 15 Dec","until":"2017-12-15"}""")]
    [ApiResponse(201, "The acknowledgement (acknowledging again replaces it).", Type = typeof(AcknowledgementView))]
    [ApiResponse(404, "No such authority, or no open milestone with that key.")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.AcknowledgeMilestone)] HttpRequest request, string code, string milestoneKey) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            var (reason, until) = AcknowledgeMilestoneRequest.Parse(await ApiEndpoint.BodyAsync(request, ct));
            var ack = await acknowledgements.AcknowledgeMilestoneAsync(code, milestoneKey, reason, until, caller.KeyId, ct);
            return ApiResults.Json(AcknowledgementView.From(ack), StatusCodes.Status201Created);
        });
}
