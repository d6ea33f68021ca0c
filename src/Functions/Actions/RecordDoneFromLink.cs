using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary><c>POST /a/{token}/done</c>: the action page's Record-as-done form (<c>date</c>, <c>choice</c>?, <c>proof</c>).</summary>
public sealed class RecordDoneFromLink(ActionPageResponder responder, ActionPageService pages)
{
    /// <summary>The function.</summary>
    [Function(nameof(RecordDoneFromLink))]
    [ApiOperation("Action page", "The action page's Record-as-done form (application/x-www-form-urlencoded: date, choice?, proof): records the event that meets the milestone, validated as the events API validates it, audited with the link's recipient as the actor, and answers the recomputed page.", Auth = ApiAuth.None)]
    [ApiResponse(200, "The page recomputed, with the milestone met.", Type = typeof(string), ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(400, "The event is not valid, as the events API would refuse it (the page names the field); nothing was recorded.", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(413, "The form is too large.", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(415, "Not an application/x-www-form-urlencoded form.", ContentType = HtmlPageResult.ContentType)]
    [ApiPath("token", "The signed token of an action link, from an alert email or the calendar feed.", "AQAAQ2JkDEBmu8pPgrp5ZDOmpyZ6B2Nyb3lkb24AJ2Nhc2UuQ1JPLUxBQy0wMDEubGFjX3Jldmlld19maXJzdF8yMHdkLjEuMQ")]
    [ApiResponse(403, "The link is altered, expired or no longer valid for its recipient (a plain page saying so and where to find the item; nothing about it).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(404, "The item the link was for is no longer in the calendar (a plain page).", ContentType = HtmlPageResult.ContentType)]
    [ApiResponse(500, "The page could not be shown (a plain page; nothing was changed).", ContentType = HtmlPageResult.ContentType)]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.ActionDone)] HttpRequest request, string token) =>
        responder.PostAsync(request, token, (form, ct) => pages.RecordDoneAsync(token, form["date"].ToString(), form["choice"].ToString(), ct));
}
