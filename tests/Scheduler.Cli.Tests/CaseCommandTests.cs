using Scheduler.Tests.Ical;
using static Scheduler.Cli.Tests.CalendarCommandTests;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler case cp|lac</c> against the spec §6(g) vectors.</summary>
public sealed class CaseCommandTests
{
    [Fact]
    public void Icpc_is_15_working_days_after_the_strategy_discussion()
    {
        var m = Find(Milestones(["case", "cp", "--strategy-discussion", "2017-09-04", "--today", "2017-09-05"]), "icpc_15wd", 1);

        Assert.Equal("2017-09-25", m.GetProperty("due").GetString());
    }

    [Fact]
    public void Icpc_over_christmas()
    {
        var m = Find(Milestones(["case", "cp", "--strategy-discussion", "2017-12-13", "--today", "2017-12-14"]), "icpc_15wd", 1);

        Assert.Equal("2018-01-08", m.GetProperty("due").GetString());
    }

    [Fact]
    public void First_cp_review_on_christmas_day_moves_to_the_friday_before()
    {
        var milestones = Milestones(["case", "cp", "--strategy-discussion", "2017-09-04", "--icpc", "2017-09-25", "--today", "2017-10-01"]);

        var icpc = Find(milestones, "icpc_15wd", 1);
        Assert.Equal("met", icpc.GetProperty("status").GetString());
        var review = Find(milestones, "cp_review_first_3m", 1);
        Assert.Equal("2017-12-25", review.GetProperty("due").GetString());
        Assert.Equal("2017-12-22", review.GetProperty("effective").GetString());
        Assert.True(review.GetProperty("nominal_non_working_day").GetBoolean());
    }

    [Fact]
    public void Looked_after_review_chain_runs_from_the_actual_dates()
    {
        var milestones = Milestones(["case", "lac", "--looked-after", "2017-09-04", "--review", "2017-10-02", "--review", "2018-01-02", "--today", "2018-01-10"]);

        Assert.Equal("2017-10-02", Find(milestones, "lac_review_first_20wd", 1).GetProperty("due").GetString());
        Assert.Equal("2018-01-02", Find(milestones, "lac_review_second_3m", 1).GetProperty("due").GetString());
        Assert.Equal("2018-07-02", Find(milestones, "lac_review_subsequent_6m", 1).GetProperty("due").GetString());
    }

    [Fact]
    public void First_looked_after_review_over_christmas()
    {
        var m = Find(Milestones(["case", "lac", "--looked-after", "2017-12-20", "--today", "2017-12-21"]), "lac_review_first_20wd", 1);

        Assert.Equal("2018-01-22", m.GetProperty("due").GetString());
    }

    [Fact]
    public void Statutory_visits_first_within_a_week_then_six_weeks()
    {
        var milestones = Milestones(["case", "lac", "--looked-after", "2017-09-04", "--placement-start", "2017-09-04", "--visit", "2017-09-11", "--today", "2017-09-12"]);

        var first = Assert.Single(milestones, m => m.GetProperty("rule").GetString() == "lac_visit_first");
        Assert.Equal("2017-09-11", first.GetProperty("due").GetString());
        Assert.Equal("met", first.GetProperty("status").GetString());
        Assert.Contains(milestones, m => m.GetProperty("rule").GetString() == "lac_visit_first_year" && m.GetProperty("due").GetString() == "2017-10-23");
    }

    [Fact]
    public void Case_ics_uses_the_case_reference_in_uids_and_titles()
    {
        var run = Cli.Run("case", "cp", "--strategy-discussion", "2017-09-04", "--case-ref", "CR/123", "--format", "ics", "--today", "2017-09-05").ShouldSucceed();

        var events = IcalJs.Parse(run.Stdout).Events;
        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            Assert.StartsWith("CR-123-", e.Uid, StringComparison.Ordinal);
            Assert.EndsWith(" – CR/123", e.Summary, StringComparison.Ordinal);
            Assert.Contains("\nCase reference: CR/123\n", e.Description, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("case", "cp")]
    [InlineData("case", "cp", "--strategy-discussion", "13/12/2017")]
    [InlineData("case", "lac", "--looked-after", "2017-09-04", "--review", "2017-02-29")]
    [InlineData("case", "lac", "--looked-after", "2041-01-01")]
    [InlineData("case", "foster", "--looked-after", "2017-09-04")]
    public void Bad_case_input_exits_2(params string[] args)
    {
        var run = Cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
