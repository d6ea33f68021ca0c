using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>GET /a/{token}</c>: the action page of one milestone for the recipient the signed link was sent to. No API key: the token is the authorisation.</summary>
public sealed class OpenActionPage(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(OpenActionPage))]
    [ApiOperation("Action page", "The HTML action page of a signed link from an alert email or the calendar feed: the milestone, what it means, who is told, and forms to record it as done or acknowledge it. No API key; a tampered or expired link gets a 403 page.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ActionPage)] HttpRequest request, string token) =>
        responder.ShowAsync(request, token, ct => pages.OpenAsync(token, ct));
}
