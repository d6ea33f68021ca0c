using NodaTime;
using NodaTime.Extensions;
using Scheduler.Application.Alerts.Links;
using Scheduler.Contracts;
using Scheduler.Domain.Alerts;

namespace Scheduler.Functions.Work;

/// <summary>
/// <c>GET /api/authorities/{code}/calendar.ics</c>: the authority's oversight calendar for Outlook or Google Calendar
/// subscriptions. It accepts <c>?key=</c> because calendar clients cannot send headers. Each event links to its
/// milestone's action page, signed for the subscriber's key (<c>feed:{keyId}</c>), so acting from the calendar is
/// recorded under that key id.
/// </summary>
public sealed class CalendarFeed(ApiEndpoint api, AuthorityService authorities, EpisodeService episodes, ActionLinks links, IClock clock)
{
    /// <summary>The media type of the feed.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The function.</summary>
    [Function(nameof(CalendarFeed))]
    [ApiOperation("Work", "The authority's oversight calendar (all episodes) as iCalendar, for Outlook or Google Calendar subscriptions, each event linking to its action page. Accepts ?key= because calendar clients cannot send headers.", Auth = ApiAuth.FeedKey)]
    [ApiResponse(200, "The calendar (RFC 5545).", Type = typeof(string), ContentType = ContentType)]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CalendarFeed)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code) with { AllowQueryKey = true }, async (caller, ct) =>
        {
            var authority = await authorities.GetAsync(code, ct);
            var entries = (await episodes.ListAsync(code, ct))
                .SelectMany(v => v.Milestones.Select(m => CalendarFeedEntry.Episode(v.Subject.Id, m) with { AuthorityCode = code }));
            var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
            var recipient = ActionLinks.FeedRecipient(caller.KeyId);
            return ApiResults.Text(
                CalendarFeedWriter.Write(
                    $"{authority.Name} oversight calendar",
                    entries,
                    clock.GetCurrentInstant(),
                    e => links.For(code, MilestoneKeys.For(e.Kind, e.Reference, e.Milestone), recipient, today)),
                ContentType);
        });
}
