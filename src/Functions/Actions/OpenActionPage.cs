using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>GET /a/{token}</c>: the action page of one milestone for the recipient the signed link was sent to. No API key: the token is the authorisation.</summary>
public sealed class OpenActionPage(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(OpenActionPage))]
    [ApiOperation("Action page", "The HTML action page of a signed link from an alert email or the calendar feed: the milestone, what it means, who is told, and forms to record it as done or acknowledge it. No API key; a tampered or expired link gets a 403 page.", Auth = ApiAuth.None)]
    [ApiResponse(200, "The action page (HTML, no scripts); sets the form nonce cookie.", Type = typeof(string), ContentType = HtmlPageResult.ContentType)]
    [ApiPath("token", "The signed token of an action link, from an alert email or the calendar feed.", "AQAAQ2JkDEBmu8pPgrp5ZDOmpyZ6B2Nyb3lkb24AJ2Nhc2UuQ1JPLUxBQy0wMDEubGFjX3Jldmlld19maXJzdF8yMHdkLjEuMQ")]
    [ApiResponse(403, "The link is altered, expired or no longer valid for its recipient (a plain page saying so and where to find the item; nothing about it).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(404, "The item the link was for is no longer in the calendar (a plain page).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(500, "The page could not be shown (a plain page; nothing was changed).", ContentType = HtmlPageResult.ContentType)]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.ActionPage)] HttpRequest request, string token) =>
        responder.ShowAsync(request, token, ct => pages.OpenAsync(token, ct));
}
