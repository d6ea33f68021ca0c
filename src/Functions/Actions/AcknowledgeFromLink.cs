using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>POST /a/{token}/acknowledge</c>: the action page's Acknowledge form (<c>reason</c>, <c>until</c>?, <c>proof</c>).</summary>
public sealed class AcknowledgeFromLink(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(AcknowledgeFromLink))]
    [ApiOperation("Action page", "The action page's Acknowledge form (application/x-www-form-urlencoded: reason, until?, proof): acknowledges the milestone, audited with the link's recipient as the actor, and answers the recomputed page.", Auth = ApiAuth.None)]
    [ApiResponse(200, "The page recomputed, with the acknowledgement.", Type = typeof(string), ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(400, "A field is not valid (the page names it: reason, until); nothing was changed.", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(413, "The form is too large.", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(415, "Not an application/x-www-form-urlencoded form.", ContentType = HtmlPageResult.ContentType)]
    [ApiPath("token", "The signed token of an action link, from an alert email or the calendar feed.", "AQAAQ2JkDEBmu8pPgrp5ZDOmpyZ6B2Nyb3lkb24AJ2Nhc2UuQ1JPLUxBQy0wMDEubGFjX3Jldmlld19maXJzdF8yMHdkLjEuMQ")]
    [ApiResponse(403, "The link is altered, expired or no longer valid for its recipient (a plain page saying so and where to find the item; nothing about it).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(404, "The item the link was for is no longer in the calendar (a plain page).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(500, "The page could not be shown (a plain page; nothing was changed).", ContentType = HtmlPageResult.ContentType)]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ActionAcknowledge)] HttpRequest request, string token) =>
        responder.PostAsync(request, token, (form, ct) => pages.AcknowledgeAsync(token, form["reason"].ToString(), form["until"].ToString(), ct));
}
