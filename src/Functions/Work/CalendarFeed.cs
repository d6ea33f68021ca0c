using NodaTime;
using Scheduler.Contracts;

namespace Scheduler.Functions.Work;

/// <summary>
/// <c>GET /api/authorities/{code}/calendar.ics</c>: the authority's oversight calendar for Outlook or Google Calendar
/// subscriptions. It accepts <c>?key=</c> because calendar clients cannot send headers.
/// </summary>
public sealed class CalendarFeed(ApiEndpoint api, AuthorityService authorities, EpisodeService episodes, IClock clock)
{
    /// <summary>The media type of the feed.</summary>
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>The function.</summary>
    [Function(nameof(CalendarFeed))]
    [ApiOperation("Work", "The authority's oversight calendar (all episodes) as iCalendar, for Outlook or Google Calendar subscriptions. Accepts ?key= because calendar clients cannot send headers.", Auth = ApiAuth.FeedKey)]
    [ApiResponse(200, "The calendar (RFC 5545).", Type = typeof(string), ContentType = ContentType)]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.CalendarFeed)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code) with { AllowQueryKey = true }, async (_, ct) =>
        {
            var authority = await authorities.GetAsync(code, ct);
            var entries = (await episodes.ListAsync(code, ct))
                .SelectMany(v => v.Milestones.Select(m => CalendarFeedEntry.Episode(v.Subject.Id, m) with { AuthorityCode = code }));
            return ApiResults.Text(CalendarFeedWriter.Write($"{authority.Name} oversight calendar", entries, clock.GetCurrentInstant()), ContentType);
        });
}
