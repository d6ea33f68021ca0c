using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>POST /a/{token}/acknowledge</c>: the action page's Acknowledge form (<c>reason</c>, <c>until</c>?, <c>proof</c>).</summary>
public sealed class AcknowledgeFromLink(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeFromLink))]
    [ApiOperation("Action page", "The action page's Acknowledge form (application/x-www-form-urlencoded: reason, until?, proof): acknowledges the milestone, audited with the link's recipient as the actor, and answers the recomputed page.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ActionAcknowledge)] HttpRequest request, string token) =>
        responder.PostAsync(request, token, (form, ct) => pages.AcknowledgeAsync(token, form["reason"].ToString(), form["until"].ToString(), ct));
}
