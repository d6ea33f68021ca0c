using System.Text.Json;
using Scheduler.Tests.Ical;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler calendar</c> for Croydon: report received Mon 4 Sep 2017 (spec §6 worked examples).</summary>
public sealed class CalendarCommandTests
{
    private static readonly string[] CroydonFacts =
    [
        "calendar", "--report-received", "2017-09-04", "--commissioner-appointed", "2017-09-04",
    ];

    private static readonly string[] Croydon = [.. CroydonFacts, "--today", "2017-09-05"];

    [Fact]
    public void Croydon_action_plan_is_due_on_the_70th_working_day()
    {
        var m = Find(Milestones([.. Croydon, "--format", "json"]), "action_plan_submission", 1);

        Assert.Equal("2017-12-11", m.GetProperty("due").GetString());
        Assert.Equal("2017-12-11", m.GetProperty("effective").GetString());
        Assert.Equal("upcoming", m.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, m.GetProperty("earliest").ValueKind);
    }

    [Fact]
    public void Croydon_action_planning_visit_window_is_the_25th_to_35th_working_day()
    {
        var milestones = Milestones(Croydon);

        // Spec §6(b): 9–23 Oct 2017 inclusive, whatever the rule id.
        var window = Assert.Single(milestones, m =>
            m.GetProperty("rule").GetString()!.Contains("action_planning_visit", StringComparison.Ordinal) &&
            m.GetProperty("earliest").ValueKind == JsonValueKind.String);
        Assert.Equal("2017-10-09", window.GetProperty("earliest").GetString());
        Assert.Equal("2017-10-23", window.GetProperty("due").GetString());
    }

    [Fact]
    public void Croydon_commissioner_report_is_three_months_after_appointment()
    {
        var m = Find(Milestones(Croydon), "commissioner_report", 1);

        Assert.Equal("2017-12-04", m.GetProperty("due").GetString());
    }

    [Fact]
    public void Croydon_first_dfe_review_falls_on_a_sunday_and_moves_to_the_friday()
    {
        var m = Find(Milestones(Croydon), "dfe_progress_review", 1);

        Assert.Equal("2018-03-04", m.GetProperty("due").GetString());
        Assert.Equal("2018-03-02", m.GetProperty("effective").GetString());
        Assert.True(m.GetProperty("nominal_non_working_day").GetBoolean());
        Assert.Equal("dfe_intervention", m.GetProperty("group").GetString());

        // Spec §6(d): review 8 is nominally Sat 4 Sep 2021, effective Fri 3 Sep, but the default horizon is two
        // years after "today", so check the ones within it: 2 to 4 fall on working days.
        Assert.Equal("2018-09-04", Find(Milestones(Croydon), "dfe_progress_review", 2).GetProperty("effective").GetString());
        Assert.Equal("2019-03-04", Find(Milestones(Croydon), "dfe_progress_review", 3).GetProperty("effective").GetString());
    }

    [Fact]
    public void Every_milestone_has_the_contract_shape()
    {
        var statuses = new HashSet<string> { "upcoming", "due", "overdue", "met", "met_late", "not_applicable" };
        var milestones = Milestones(Croydon);

        Assert.NotEmpty(milestones);
        foreach (var m in milestones)
        {
            Assert.Matches("^[a-z0-9_]+$", m.GetProperty("rule").GetString());
            Assert.True(m.GetProperty("sequence").GetInt32() >= 1);
            Assert.Matches("^[a-z_]+$", m.GetProperty("group").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", m.GetProperty("due").GetString());
            Assert.Contains(m.GetProperty("status").GetString()!, statuses);
            Assert.All(m.GetProperty("audience").EnumerateArray(), a => Assert.Matches("^[A-Z]{2,3}$", a.GetString()));
            Assert.False(string.IsNullOrWhiteSpace(m.GetProperty("source").GetString()));
            Assert.True(string.CompareOrdinal(m.GetProperty("effective").GetString(), m.GetProperty("due").GetString()) <= 0);
        }
    }

    [Fact]
    public void Recording_the_plan_as_submitted_marks_it_met()
    {
        var m = Find(Milestones([.. CroydonFacts, "--action-plan-submitted", "2017-12-08", "--today", "2018-01-15"]), "action_plan_submission", 1);

        Assert.Equal("met", m.GetProperty("status").GetString());
        Assert.Equal("2017-12-08", m.GetProperty("met").GetString());
    }

    [Fact]
    public void Statuses_follow_today()
    {
        var before = Find(Milestones([.. CroydonFacts, "--today", "2017-12-10"]), "action_plan_submission", 1);
        var on = Find(Milestones([.. CroydonFacts, "--today", "2017-12-11"]), "action_plan_submission", 1);
        var after = Find(Milestones([.. CroydonFacts, "--today", "2017-12-12"]), "action_plan_submission", 1);

        Assert.Equal("upcoming", before.GetProperty("status").GetString());
        Assert.Equal("due", on.GetProperty("status").GetString());
        Assert.Equal("overdue", after.GetProperty("status").GetString());
    }

    [Fact]
    public void Without_today_the_clock_date_in_London_is_used()
    {
        // 23:30 UTC on 10 Dec 2017 is still 10 Dec in London (GMT); 23:30 UTC on 10 Jun is 11 Jun in London (BST).
        var winter = Cli.Run(new FixedClock(NodaTime.Instant.FromUtc(2017, 12, 10, 23, 30)), "calendar", "--report-received", "2017-09-04").ShouldSucceed();
        Assert.Equal("upcoming", Find(Parse(winter.Stdout), "action_plan_submission", 1).GetProperty("status").GetString());

        var summer = Cli.Run(new FixedClock(NodaTime.Instant.FromUtc(2022, 6, 10, 23, 30)), "workdays", "is", "2022-06-11").ShouldSucceed();
        Assert.Equal("false\n", summer.Stdout);
        var holidays = Cli.Run(new FixedClock(NodaTime.Instant.FromUtc(2022, 12, 31, 23, 30)), "holidays").ShouldSucceed();
        Assert.Contains("2022-12-27", holidays.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Ilacs_framework_is_accepted_and_an_unknown_one_is_a_usage_error()
    {
        Assert.NotEmpty(Milestones(["calendar", "--report-received", "2019-03-04", "--framework", "ilacs", "--today", "2019-03-05"]));

        var bad = Cli.Run("calendar", "--report-received", "2017-09-04", "--framework", "sif-2009");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, bad.Stdout);
    }

    [Theory]
    [InlineData("calendar", "--report-received", "2017-09-31")]
    [InlineData("calendar", "--report-received", "1989-09-04")]
    [InlineData("calendar")]
    [InlineData("calendar", "--report-received", "2017-09-04", "--today", "tomorrow")]
    [InlineData("calendar", "--report-received", "2017-09-04", "--monitoring-visit", "2017-12-13", "--monitoring-visit", "2017-12-32")]
    [InlineData("calendar", "--report-received", "2017-09-04", "--format", "pdf")]
    public void Bad_calendar_input_exits_2(params string[] args)
    {
        var run = Cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public void Text_format_lists_the_milestones_in_a_table()
    {
        var run = Cli.Run([.. Croydon, "--format", "text"]).ShouldSucceed();

        var row = Assert.Single(run.Stdout.Split('\n'), l => l.Contains("action_plan_submission", StringComparison.Ordinal));
        Assert.Contains("2017-12-11", row, StringComparison.Ordinal);
        Assert.Contains(run.Stdout.Split('\n'), l => l.Contains("dfe_progress_review", StringComparison.Ordinal) && l.Contains("2018-03-02 *", StringComparison.Ordinal));
    }

    [Fact]
    public void Ics_output_parses_with_stable_unique_uids_and_one_day_events()
    {
        var first = Cli.Run(FixedClock.On(2017, 9, 5), [.. Croydon, "--format", "ics"]).ShouldSucceed();
        var second = Cli.Run(FixedClock.On(2018, 2, 1), [.. Croydon, "--format", "ics"]).ShouldSucceed();

        var events = IcalJs.Parse(first.Stdout).Events;
        var later = IcalJs.Parse(second.Stdout).Events;

        // One event per milestone that applies, and a second for each window (its opening day).
        var json = Milestones(Croydon).Where(m => m.GetProperty("status").GetString() != "not_applicable").ToList();
        var windows = json.Count(m => m.GetProperty("earliest").ValueKind == JsonValueKind.String
            && string.CompareOrdinal(m.GetProperty("earliest").GetString(), m.GetProperty("effective").GetString()) < 0);
        Assert.Equal(json.Count + windows, events.Count);
        Assert.DoesNotContain(events, e => e.Property("x-scheduler-rule") == "dfe_improvement_notice_3m");

        var uids = events.Select(e => e.Uid).ToList();
        Assert.Equal(uids.Count, uids.Distinct().Count());
        Assert.Equal(uids, later.Select(e => e.Uid));
        Assert.Equal("2017-09-05T12:00:00Z", events[0].Dtstamp);
        Assert.Equal("2018-02-01T12:00:00Z", later[0].Dtstamp);
        Assert.All(events, e => Assert.Equal(e.StartDate.PlusDays(1), e.EndDate));

        var plan = Assert.Single(events, e => e.Uid == "episode-2017-09-04-action_plan_submission-1@scheduler");
        Assert.Equal(("2017-12-11", "2017-12-12"), (plan.Start, plan.End));
        Assert.Equal("Written statement of action (action plan) due – episode-2017-09-04", plan.Summary);
        var review = Assert.Single(events, e => e.Uid == "episode-2017-09-04-dfe_progress_review-1@scheduler");
        Assert.Equal("2018-03-02", review.Start);
        var opens = Assert.Single(events, e => e.Uid == "episode-2017-09-04-ofsted_action_planning_visit_window-1-opens@scheduler");
        Assert.Equal("2017-10-09", opens.Start);
        var closes = Assert.Single(events, e => e.Uid == "episode-2017-09-04-ofsted_action_planning_visit_window-1@scheduler");
        Assert.Equal("2017-10-23", closes.Start);
    }

    [Fact]
    public void Ics_titles_use_the_episode_id_when_given()
    {
        var run = Cli.Run([.. Croydon, "--episode-id", "sif-2017-20170904", "--format", "ics"]).ShouldSucceed();

        var events = IcalJs.Parse(run.Stdout).Events;
        Assert.All(events, e =>
        {
            Assert.EndsWith(" – sif-2017-20170904", e.Summary, StringComparison.Ordinal);
            Assert.StartsWith("sif-2017-20170904-", e.Uid, StringComparison.Ordinal);
            Assert.Contains("\nEpisode: sif-2017-20170904\n", e.Description, StringComparison.Ordinal);
        });
    }

    internal static List<JsonElement> Milestones(string[] args) => Parse(Cli.Run(args).ShouldSucceed().Stdout);

    internal static List<JsonElement> Parse(string stdout)
    {
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["milestones"], doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        return [.. doc.RootElement.GetProperty("milestones").EnumerateArray().Select(e => e.Clone())];
    }

    internal static JsonElement Find(List<JsonElement> milestones, string rule, int sequence) =>
        Assert.Single(milestones, m => m.GetProperty("rule").GetString() == rule && m.GetProperty("sequence").GetInt32() == sequence);
}
