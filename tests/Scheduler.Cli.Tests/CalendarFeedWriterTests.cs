using NodaTime;
using Scheduler.Contracts;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using Scheduler.Tests.Ical;

namespace Scheduler.Cli.Tests;

/// <summary>The iCalendar writer on hand-made milestones, read back with ical.js.</summary>
public sealed class CalendarFeedWriterTests
{
    private static readonly Milestone Deadline = new()
    {
        Rule = "dfe_progress_review",
        Sequence = 1,
        Title = "DfE six-monthly progress review",
        Group = RuleGroup.DfeIntervention,
        Due = new LocalDate(2018, 3, 4),        // a Sunday
        Effective = new LocalDate(2018, 3, 2),
        Status = MilestoneStatus.MetLate,
        Met = new LocalDate(2018, 3, 9),
        Audience = [Role.PO, Role.DCS, Role.DFE],
        Source = "Schools causing concern, chapter 4",
        Alternative = new AlternativeReading("calendar days", null, new LocalDate(2018, 3, 3)),
    };

    private static readonly Milestone Window = new()
    {
        Rule = "action_planning_visit",
        Sequence = 1,
        Title = "Action planning visit, window",
        Group = RuleGroup.OfstedPostInspection,
        Earliest = new LocalDate(2017, 10, 9),
        Due = new LocalDate(2017, 10, 23),
        Effective = new LocalDate(2017, 10, 23),
        Status = MilestoneStatus.Upcoming,
        Audience = [Role.PO, Role.DCS],
        Source = "Ofsted SIF handbook, paragraph 94",
    };

    private static string Write(string name, string subject, IEnumerable<Milestone> milestones, Instant stamp) =>
        CalendarFeedWriter.Write(name, milestones.Select(m => CalendarFeedEntry.Episode(subject, m)), stamp);

    [Fact]
    public void A_deadline_sits_on_its_effective_day_and_a_window_is_its_opening_and_closing_days()
    {
        var ics = Write("Croydon", "croydon-2017", [Deadline, Window], Instant.FromUtc(2018, 1, 15, 9, 30, 5));

        var calendar = IcalJs.Parse(ics);
        Assert.Equal("Croydon", calendar.Property("x-wr-calname"));
        Assert.Equal("PUBLISH", calendar.Property("method"));
        Assert.Equal("2.0", calendar.Property("version"));
        Assert.Equal(CalendarFeedWriter.ProductId, calendar.Property("prodid"));

        var events = calendar.Events;
        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("2018-01-15T09:30:05Z", e.Dtstamp));
        Assert.All(events, e => Assert.Equal("TRANSPARENT", e.Property("transp")));

        var review = events[0];
        Assert.Equal("croydon-2017-dfe_progress_review-1@scheduler", review.Uid);
        Assert.Equal(("2018-03-02", "2018-03-03"), (review.Start, review.End));
        Assert.Equal("DfE six-monthly progress review – croydon-2017", review.Summary);
        Assert.Equal(["dfe_intervention"], review.Categories);
        Assert.Equal("dfe_progress_review", review.Property("x-scheduler-rule"));
        Assert.Equal("dfe_progress_review/1/1", review.Property("x-scheduler-key"));
        Assert.Contains("Status: Met late on Fri 9 Mar 2018 (due Fri 2 Mar 2018).", review.Description, StringComparison.Ordinal);
        Assert.Contains("Sun 4 Mar 2018, which is not a working day", review.Description, StringComparison.Ordinal);
        Assert.Contains("Read as calendar days, the rule gives Sat 3 Mar 2018.", review.Description, StringComparison.Ordinal);
        Assert.Contains("\nSource: Schools causing concern, chapter 4", review.Description, StringComparison.Ordinal);

        Assert.Equal("croydon-2017-action_planning_visit-1-opens@scheduler", events[1].Uid);
        Assert.Equal(("2017-10-09", "2017-10-10"), (events[1].Start, events[1].End));
        Assert.Equal("Action planning visit, window: window opens – croydon-2017", events[1].Summary);
        Assert.Equal("croydon-2017-action_planning_visit-1@scheduler", events[2].Uid);
        Assert.Equal(("2017-10-23", "2017-10-24"), (events[2].Start, events[2].End));
        Assert.Contains("Status: Due by Mon 23 Oct 2017.", events[2].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MilestoneStatus.Upcoming, null, "Status: Due Fri 2 Mar 2018.")]
    [InlineData(MilestoneStatus.Due, null, "Status: Due Fri 2 Mar 2018.")]
    [InlineData(MilestoneStatus.Overdue, null, "Status: Overdue since Fri 2 Mar 2018.")]
    [InlineData(MilestoneStatus.Met, "2018-02-27", "Status: Met on Tue 27 Feb 2018.")]
    public void Each_status_is_said_in_plain_words(MilestoneStatus status, string? met, string expected)
    {
        var milestone = Deadline with { Status = status, Met = met is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(met).Value };

        var e = Assert.Single(IcalJs.Parse(Write("c", "ep", [milestone], Instant.FromUtc(2018, 1, 1, 0, 0))).Events);

        Assert.Contains(expected, e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Informational_steps_say_expected_not_overdue()
    {
        var agenda = Window with { Informational = true, Status = MilestoneStatus.Overdue };

        var events = IcalJs.Parse(Write("c", "ep", [agenda], Instant.FromUtc(2018, 1, 1, 0, 0))).Events;

        Assert.All(events, e =>
        {
            Assert.Contains("Status: Expected by Mon 23 Oct 2017; that date has passed.", e.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("Overdue", e.Description, StringComparison.Ordinal);
            Assert.Contains("alerts do not chase it", e.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Milestones_that_do_not_apply_are_left_out()
    {
        var notApplicable = Deadline with { Rule = "dfe_improvement_notice_3m", Status = MilestoneStatus.NotApplicable };

        var events = IcalJs.Parse(Write("c", "ep", [notApplicable, Window, notApplicable with { Earliest = new LocalDate(2018, 1, 1) }], Instant.FromUtc(2018, 1, 1, 0, 0))).Events;

        Assert.Equal(["action_planning_visit", "action_planning_visit"], events.Select(e => e.Property("x-scheduler-rule")));
    }

    [Fact]
    public void Cases_are_titled_and_described_by_their_case_reference()
    {
        var ics = CalendarFeedWriter.Write("Case CR/123", [CalendarFeedEntry.Case("CR/123", Deadline)], Instant.FromUtc(2018, 1, 1, 0, 0));

        var e = Assert.Single(IcalJs.Parse(ics).Events);
        Assert.Equal("CR-123-dfe_progress_review-1@scheduler", e.Uid);
        Assert.Equal("DfE six-monthly progress review – CR/123", e.Summary);
        Assert.Contains("\nCase reference: CR/123\n", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_survives_escaping_and_folding_through_an_independent_parser()
    {
        // Commas, semicolons, a backslash, a line break and 40 two-octet characters: Ical.Net escapes and folds;
        // ical.js must read back exactly the same text, and no physical line may exceed 75 octets.
        var title = "Report; draft, final\\copy\nnext – " + new string('é', 40) + " – end";
        var milestone = Window with { Title = title, Source = new string('x', 200) };

        var ics = CalendarFeedWriter.Write("Test, calendar; one", [CalendarFeedEntry.Episode("s", milestone)], Instant.FromUtc(2018, 1, 1, 0, 0));

        var calendar = IcalJs.Parse(ics);
        Assert.Equal("Test, calendar; one", calendar.Property("x-wr-calname"));
        Assert.All(calendar.Events, e =>
        {
            Assert.StartsWith(title + ": window ", e.Summary, StringComparison.Ordinal);
            Assert.Contains("\nSource: " + new string('x', 200), e.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("\uFFFD", e.Description, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Same_entries_and_stamp_give_the_same_bytes_and_only_dtstamp_follows_the_stamp()
    {
        Milestone[] milestones = [Deadline, Window, Deadline with { Sequence = 2, Due = new LocalDate(2018, 9, 4), Effective = new LocalDate(2018, 9, 4) }];
        var stamp = Instant.FromUtc(2018, 1, 15, 9, 30, 5);

        var a = Write("c", "ep", milestones, stamp);
        var b = Write("c", "ep", milestones, stamp);
        var later = Write("c", "ep", milestones, Instant.FromUtc(2019, 6, 1, 0, 0));

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(a), System.Text.Encoding.UTF8.GetBytes(b));
        var linesA = a.Split("\r\n");
        var linesLater = later.Split("\r\n");
        Assert.Equal(linesA.Length, linesLater.Length);
        var differing = linesA.Zip(linesLater).Where(p => p.First != p.Second).ToList();
        Assert.Equal(4, differing.Count);
        Assert.All(differing, p =>
        {
            Assert.Equal("DTSTAMP:20180115T093005Z", p.First);
            Assert.Equal("DTSTAMP:20190601T000000Z", p.Second);
        });
    }

    [Fact]
    public void Uids_are_stable_unique_plain_tokens()
    {
        var second = Deadline with { Sequence = 2, Due = new LocalDate(2018, 9, 4), Effective = new LocalDate(2018, 9, 4) };
        var a = IcalJs.Parse(Write("c", "ep 1/x", [Deadline, second, Window], Instant.FromUtc(2018, 1, 1, 0, 0)));
        var b = IcalJs.Parse(Write("c", "ep 1/x", [Deadline, second, Window], Instant.FromUtc(2019, 6, 1, 0, 0)));

        var uids = a.Events.Select(e => e.Uid).ToList();
        Assert.Equal(uids, b.Events.Select(e => e.Uid));
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.All(uids, u => Assert.Matches("^[A-Za-z0-9._-]+@scheduler$", u));
        Assert.Equal("ep-1-x-dfe_progress_review-1@scheduler", uids[0]);
    }

    [Fact]
    public void Uids_distinguish_cycles_steps_opening_days_and_authorities()
    {
        var step1 = Window with { Rule = "monitoring_visit_timeline", Step = "data_request" };
        var step2 = Window with { Rule = "monitoring_visit_timeline", Step = "publication" };
        var cycle2 = Window with { Cycle = 2 };

        var uids = IcalJs.Parse(Write("c", "ep", [Window, step1, step2, cycle2], Instant.FromUtc(2018, 1, 1, 0, 0))).Events.Select(e => e.Uid).ToList();

        Assert.Equal(
            [
                "ep-action_planning_visit-1-opens@scheduler", "ep-action_planning_visit-1@scheduler",
                "ep-monitoring_visit_timeline-1-data_request-opens@scheduler", "ep-monitoring_visit_timeline-1-data_request@scheduler",
                "ep-monitoring_visit_timeline-1-publication-opens@scheduler", "ep-monitoring_visit_timeline-1-publication@scheduler",
                "ep-action_planning_visit-1-c2-opens@scheduler", "ep-action_planning_visit-1-c2@scheduler",
            ],
            uids);
        Assert.Equal("croydon-ep-action_planning_visit-1@scheduler", CalendarFeedWriter.Uid(CalendarFeedEntry.Episode("ep", Window) with { AuthorityCode = "croydon" }));
    }

    [Fact]
    public void A_link_given_on_the_entry_is_used_and_a_relative_link_is_refused()
    {
        var entry = CalendarFeedEntry.Episode("ep", Deadline) with { Link = new Uri("https://scheduler.example/a/entry-token") };

        var e = Assert.Single(IcalJs.Parse(CalendarFeedWriter.Write("c", [entry], Instant.FromUtc(2018, 1, 1, 0, 0))).Events);
        Assert.Equal("https://scheduler.example/a/entry-token", e.Url);
        Assert.EndsWith("\nAction page: https://scheduler.example/a/entry-token", e.Description, StringComparison.Ordinal);

        var overridden = Assert.Single(IcalJs.Parse(CalendarFeedWriter.Write("c", [entry], Instant.FromUtc(2018, 1, 1, 0, 0), _ => new Uri("https://scheduler.example/a/signed"))).Events);
        Assert.Equal("https://scheduler.example/a/signed", overridden.Url);

        Assert.Throws<ArgumentException>(() => CalendarFeedWriter.Write("c", [entry with { Link = new Uri("/a/token", UriKind.Relative) }], Instant.FromUtc(2018, 1, 1, 0, 0)));
    }
}
