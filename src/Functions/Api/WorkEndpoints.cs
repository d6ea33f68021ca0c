using System.Text;
using NodaTime;
using Scheduler.Contracts;
using Scheduler.Functions.Application;

namespace Scheduler.Functions.Api;

/// <summary>The work list, the iCalendar feed and alert acknowledgements.</summary>
public static class WorkEndpoints
{
    /// <summary>Maps the routes on the guarded <c>/api/authorities</c> group.</summary>
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{code}/worklist", async (string code, HttpContext http, WorkListService service, CancellationToken ct) =>
            {
                var daysText = http.Request.Query["days"].ToString();
                var days = 10;
                if (daysText.Length > 0 && !int.TryParse(daysText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days))
                {
                    throw ApiProblemException.BadRequest("days", "must be a whole number of working days");
                }

                var assignee = http.Request.Query["assignee"].ToString();
                return ApiJson.Result(await service.GetAsync(code, days, assignee.Length == 0 ? null : assignee, ct));
            })
            .WithSummary("What is overdue and what falls due in the next N working days (?days=10), for the authority or one assignee (?assignee=email).");

        group.MapGet("/{code}/calendar.ics", async (string code, EpisodeService episodes, AuthorityService authorities, IClock clock, CancellationToken ct) =>
            {
                var authority = await authorities.GetAsync(code, ct);
                var entries = (await episodes.ListAsync(code, ct)).SelectMany(v => v.Milestones.Select(m => CalendarFeedEntry.Episode(v.Subject.Id, m) with { AuthorityCode = code }));
                var ics = CalendarFeedWriter.Write($"{authority.Name} oversight calendar", entries, clock.GetCurrentInstant());
                return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
            })
            .WithMetadata(new QueryKeyAllowedAttribute())
            .WithSummary("The authority's oversight calendar (all episodes) as iCalendar, for Outlook or Google Calendar subscriptions. Accepts ?key= because calendar clients cannot send headers.");

        group.MapPost("/{code}/alerts/{key}/acknowledge", async (string code, string key, HttpContext http, AcknowledgementService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadObjectAsync(http.Request, ct);
                var ack = await service.AcknowledgeAsync(code, key, body, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(AcknowledgementView.From(ack), StatusCodes.Status201Created);
            })
            .WithSummary("Acknowledge an alert: {\"reason\":…, \"expires\"?:\"yyyy-MM-dd\"}. The sweep holds the alert back while it stands; audited.");

        group.MapGet("/{code}/alerts/acknowledgements", async (string code, AuthorityService authorities, State.AcknowledgementStore store, CancellationToken ct) =>
            {
                await authorities.GetAsync(code, ct);
                var list = new List<AcknowledgementView>();
                await foreach (var a in store.ListAsync(code, ct))
                {
                    list.Add(AcknowledgementView.From(a));
                }

                return ApiJson.Result(new { acknowledgements = list });
            })
            .WithSummary("List the authority's alert acknowledgements.");
    }
}
