using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>POST /a/{token}/done</c>: the action page's Record-as-done form (<c>date</c>, <c>choice</c>?, <c>proof</c>).</summary>
public sealed class RecordDoneFromLink(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(RecordDoneFromLink))]
    [ApiOperation("Action page", "The action page's Record-as-done form (application/x-www-form-urlencoded: date, choice?, proof): records the event that meets the milestone, validated as the events API validates it, audited with the link's recipient as the actor, and answers the recomputed page.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ActionDone)] HttpRequest request, string token) =>
        responder.PostAsync(request, token, (form, ct) => pages.RecordDoneAsync(token, form["date"].ToString(), form["choice"].ToString(), ct));
}
