using NodaTime;
using Scheduler.Contracts;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using Scheduler.Tests.Ical;

namespace Scheduler.Cli.Tests;

/// <summary>
/// The authority feed as Outlook shows it, for Croydon's 2017 episode (report received and published Mon 4 Sep
/// 2017, SIF 2017, commissioner appointed 4 Sep 2017), read back with ical.js. Expected dates are worked out by
/// hand from the rules (docs/rules.md), not taken from the writer.
/// </summary>
public sealed class CalendarFeedCroydonTests
{
    private const string Authority = "croydon";
    private const string EpisodeId = "sif-2017-20170904";

    private static readonly Instant Stamp = Instant.FromUtc(2017, 12, 13, 7, 0);

    private static readonly OversightFacts Croydon = new()
    {
        ReportReceived = new LocalDate(2017, 9, 4),
        ReportPublished = new LocalDate(2017, 9, 4),
        CommissionerAppointed = new LocalDate(2017, 9, 4),
    };

    // Wed 13 Dec 2017: the action plan deadline (Mon 11 Dec) has passed with no plan recorded.
    private static readonly LocalDate Today = new(2017, 12, 13);

    private static IReadOnlyList<Milestone> Compute(OversightFacts facts) =>
        OversightCalendar.Compute(facts, AuthorityParameters.Default, WorkingDayCalendar.EnglandAndWales, WorkingDayCalendar.EnglandAndWales, Today);

    private static IEnumerable<CalendarFeedEntry> Entries(string episodeId, OversightFacts facts) =>
        Compute(facts).Select(m => CalendarFeedEntry.Episode(episodeId, m) with { AuthorityCode = Authority });

    private static IcalJsCalendar Feed(OversightFacts? facts = null, Func<CalendarFeedEntry, Uri?>? linkFor = null) =>
        IcalJs.Parse(CalendarFeedWriter.Write("Croydon oversight calendar", Entries(EpisodeId, facts ?? Croydon), Stamp, linkFor));

    [Fact]
    public void No_event_is_longer_than_one_day()
    {
        var feed = Feed();

        Assert.NotEmpty(feed.Events);
        Assert.All(feed.Events, e =>
        {
            Assert.True(e.StartIsDate, $"{e.Uid} is not an all-day event");
            Assert.True(e.EndIsDate, $"{e.Uid} does not end on a date");
            Assert.Equal(e.StartDate.PlusDays(1), e.EndDate);
        });
    }

    [Fact]
    public void Action_planning_visit_window_is_its_opening_day_Mon_9_Oct_and_closing_day_Mon_23_Oct()
    {
        // Working days after Mon 4 Sep 2017 (no bank holiday until Christmas): 5–8 Sep are days 1–4, then five a
        // week, so Mon 9 Oct is day 25 and Mon 23 Oct day 35.
        var visit = Feed().Events.Where(e => e.Property("x-scheduler-rule") == "ofsted_action_planning_visit_window").ToList();

        Assert.Equal(2, visit.Count);
        var opens = Assert.Single(visit, e => e.Uid == "croydon-sif-2017-20170904-ofsted_action_planning_visit_window-1-opens@scheduler");
        var closes = Assert.Single(visit, e => e.Uid == "croydon-sif-2017-20170904-ofsted_action_planning_visit_window-1@scheduler");
        Assert.Equal(new LocalDate(2017, 10, 9), opens.StartDate);
        Assert.Equal(new LocalDate(2017, 10, 23), closes.StartDate);
        Assert.Contains("opens", opens.Summary, StringComparison.Ordinal);
        Assert.Contains("closes", closes.Summary, StringComparison.Ordinal);
        Assert.All(visit, e => Assert.Contains("Mon 9 Oct 2017 and Mon 23 Oct 2017", e.Description, StringComparison.Ordinal));
    }

    [Fact]
    public void Year_long_and_four_week_windows_become_their_first_and_last_days()
    {
        var events = Feed().Events;

        // Re-inspection: 12 to 24 months after the action plan deadline Mon 11 Dec 2017.
        Assert.Equal(
            [new LocalDate(2018, 12, 11), new LocalDate(2019, 12, 11)],
            events.Where(e => e.Property("x-scheduler-key") == "ofsted_reinspection_due/1/1").Select(e => e.StartDate).Order());

        // First monitoring visit: after the deadline and within four weeks of it (Mon 8 Jan 2018).
        Assert.Equal(
            [new LocalDate(2017, 12, 12), new LocalDate(2018, 1, 8)],
            events.Where(e => e.Property("x-scheduler-rule") == "ofsted_first_monitoring_visit").Select(e => e.StartDate).Order());
    }

    [Fact]
    public void Monitoring_visit_timeline_windows_are_two_days_and_the_unpublished_first_report_is_left_out()
    {
        // First monitoring visit held Mon 8 Jan 2018: inspectors prepare on working days -2 and -1 (Thu 4, Fri 5 Jan).
        var events = Feed(Croydon with { MonitoringVisitsHeld = [new LocalDate(2018, 1, 8)] }).Events;

        var preparation = events.Where(e => e.Property("x-scheduler-key") == "mv_pre_visit_milestones/1/1/inspector_preparation").ToList();
        Assert.Equal([new LocalDate(2018, 1, 4), new LocalDate(2018, 1, 5)], preparation.Select(e => e.StartDate).Order());
        Assert.Contains(preparation, e => e.Uid == "croydon-sif-2017-20170904-mv_pre_visit_milestones-1-inspector_preparation@scheduler");
        Assert.Contains(preparation, e => e.Uid == "croydon-sif-2017-20170904-mv_pre_visit_milestones-1-inspector_preparation-opens@scheduler");

        // Handbook para 41: the first monitoring visit's report is not published, so that step does not apply.
        Assert.Contains(events, e => e.Property("x-scheduler-key") == "mv_report_timeline/1/1/draft_to_la");
        Assert.DoesNotContain(events, e => e.Property("x-scheduler-key") == "mv_report_timeline/1/1/publication");
    }

    [Fact]
    public void No_improvement_notice_on_the_direction_and_commissioner_route()
    {
        var events = Feed().Events;

        Assert.DoesNotContain(events, e => e.Summary.Contains("improvement notice", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(events, e => e.Property("x-scheduler-rule") == "dfe_improvement_notice_3m");
        Assert.DoesNotContain(Feed(Croydon with { CommissionerAppointed = null, Route = InterventionRoute.DirectionAndCommissioner }).Events,
            e => e.Property("x-scheduler-rule") == "dfe_improvement_notice_3m");

        // Without a commissioner or a recorded route, the notice is expected three months after publication.
        var notice = Assert.Single(Feed(Croydon with { CommissionerAppointed = null }).Events, e => e.Property("x-scheduler-rule") == "dfe_improvement_notice_3m");
        Assert.Equal(new LocalDate(2017, 12, 4), notice.StartDate);
        Assert.StartsWith("DfE improvement notice expected", notice.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_carry_the_episode_id_and_are_distinct_across_two_episodes()
    {
        // Worst case: a second episode with the very same dates, so only the reference can tell the titles apart.
        const string Second = "sif-2017-20171002";
        var ics = CalendarFeedWriter.Write("Two episodes", [.. Entries(EpisodeId, Croydon), .. Entries(Second, Croydon)], Stamp);
        var events = IcalJs.Parse(ics).Events;

        var first = events.Where(e => e.Uid.StartsWith($"croydon-{EpisodeId}-", StringComparison.Ordinal)).ToList();
        var second = events.Where(e => e.Uid.StartsWith($"croydon-{Second}-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(first);
        Assert.Equal(events.Count, first.Count + second.Count);
        Assert.All(first, e => Assert.EndsWith(EpisodeId, e.Summary, StringComparison.Ordinal));
        Assert.All(second, e => Assert.EndsWith(Second, e.Summary, StringComparison.Ordinal));
        Assert.Empty(first.Select(e => e.Summary).Intersect(second.Select(e => e.Summary)));
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public void Descriptions_are_plain_words_with_status_and_source_never_a_rule_id_first()
    {
        var events = Feed().Events;
        var ruleIds = RuleSets.All.SelectMany(s => s.Rules).Select(r => r.Id).Distinct().ToList();

        Assert.All(events, e =>
        {
            Assert.DoesNotContain(ruleIds, id => e.Description.StartsWith(id, StringComparison.Ordinal));
            Assert.DoesNotContain(ruleIds, id => e.Summary.StartsWith(id, StringComparison.Ordinal));
            Assert.StartsWith("What is due: ", e.Description, StringComparison.Ordinal);
            Assert.Contains("\nStatus: ", e.Description, StringComparison.Ordinal);
            var rule = RuleSets.FindRule(e.Property("x-scheduler-rule")!)!;
            Assert.Contains($"\nSource: {rule.Source}", e.Description, StringComparison.Ordinal);
        });

        string Of(string uid) => Assert.Single(events, e => e.Uid == uid).Description;

        // Action plan: 70th working day, Mon 11 Dec 2017; nothing submitted by Wed 13 Dec.
        Assert.Contains("Status: Overdue since Mon 11 Dec 2017.", Of("croydon-sif-2017-20170904-action_plan_submission-1@scheduler"), StringComparison.Ordinal);

        // Published the day it was received.
        Assert.Contains("Status: Met on Mon 4 Sep 2017.", Of("croydon-sif-2017-20170904-la_publish_inspection_report-1@scheduler"), StringComparison.Ordinal);

        // Six months after publication is Sun 4 Mar 2018: due the working day before, Fri 2 Mar.
        var review = Of("croydon-sif-2017-20170904-dfe_progress_review-1@scheduler");
        Assert.Contains("Status: Due Fri 2 Mar 2018.", review, StringComparison.Ordinal);
        Assert.Contains("Sun 4 Mar 2018", review, StringComparison.Ordinal);
        Assert.Contains("DfE, Putting children first (July 2016), para 121", review, StringComparison.Ordinal);
    }

    [Fact]
    public void Deadline_uids_keep_the_first_versions_scheme()
    {
        // Literal UIDs as the hand-written writer gave them ({authority}-{episode}-{rule}-{sequence}[-{step}]@scheduler).
        var feed = Feed();
        var byUid = feed.Events.ToDictionary(e => e.Uid);

        Assert.Equal(new LocalDate(2017, 12, 11), byUid["croydon-sif-2017-20170904-action_plan_submission-1@scheduler"].StartDate);
        Assert.Equal(new LocalDate(2017, 12, 4), byUid["croydon-sif-2017-20170904-commissioner_report-1@scheduler"].StartDate);
        Assert.Equal(new LocalDate(2018, 3, 2), byUid["croydon-sif-2017-20170904-dfe_progress_review-1@scheduler"].StartDate);
        Assert.Equal(new LocalDate(2018, 9, 4), byUid["croydon-sif-2017-20170904-dfe_progress_review-2@scheduler"].StartDate);
        Assert.Equal(new LocalDate(2019, 6, 11), byUid["croydon-sif-2017-20170904-ofsted_reinspection_due-1-planning_alert@scheduler"].StartDate);
        Assert.Equal(new LocalDate(2019, 12, 11), byUid["croydon-sif-2017-20170904-ofsted_reinspection_due-1@scheduler"].StartDate);

        // Every opening day pairs with its window's closing day, the event that carries the old UID.
        var opening = feed.Events.Where(e => e.Uid.EndsWith("-opens@scheduler", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(opening);
        Assert.All(opening, o =>
        {
            var closing = byUid[o.Uid.Replace("-opens@", "@", StringComparison.Ordinal)];
            Assert.True(o.StartDate < closing.StartDate, o.Uid);
            Assert.Equal(o.Property("x-scheduler-key"), closing.Property("x-scheduler-key"));
        });
    }

    [Fact]
    public void The_action_page_link_is_in_the_description_and_url_when_given()
    {
        static Uri Link(CalendarFeedEntry e) => new($"https://scheduler.example/a/tok-{e.Milestone.Key.Replace('/', '-')}");

        var linked = Feed(linkFor: Link).Events;
        Assert.All(linked, e =>
        {
            var expected = $"https://scheduler.example/a/tok-{e.Property("x-scheduler-key")!.Replace('/', '-')}";
            Assert.Equal(expected, e.Url);
            Assert.EndsWith($"\nAction page: {expected}", e.Description, StringComparison.Ordinal);
        });

        var plain = Feed().Events;
        Assert.All(plain, e =>
        {
            Assert.Null(e.Url);
            Assert.DoesNotContain("Action page", e.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_feed_carries_no_personal_data_fields()
    {
        // Only what the feed is meant to carry: no attendees, organisers, contacts or locations.
        var events = Feed().Events;
        string[] personal = ["attendee", "organizer", "contact", "location"];

        Assert.All(events, e => Assert.DoesNotContain(personal, p => e.Properties.ContainsKey(p)));
    }
}
