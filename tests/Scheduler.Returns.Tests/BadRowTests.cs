using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>
/// Bad rows in the synthetic 2025/26 return are reported with file, line and column; the child they belong to is
/// left out whole and every other child imports.
/// </summary>
public sealed class BadRowTests
{
    private static readonly ImportResult Result = Import903("903-2025-26", Today2026);
    private static readonly string Episodes = Data("903-2025-26", "episodes-2026.csv");
    private static readonly string Reviews = Data("903-2025-26", "reviews-2026.csv");

    [Theory]
    [InlineData("D200", "PLACE", "'H5' is not in the 2025/26 list of PLACE codes")]
    [InlineData("D300", "DECOM", "is not a date in the form dd/mm/yyyy")]
    [InlineData("D400", "DECOM", "has a two-digit year")]
    [InlineData("D600", "DECOM", "2026-06-01 is after today (2026-05-20)")]
    [InlineData("D900", "LS", "'C9' is not in the 2025/26 list of LS codes")]
    public void Bad_episodes(string child, string column, string reason)
    {
        var problem = Assert.Single(Result.Problems, p => p.Reason.StartsWith($"child {child}:", StringComparison.Ordinal));

        var line = child == "D900" ? LineStarting(Episodes, "D900,01/07/2025") : LineStarting(Episodes, child + ",");
        Assert.Equal(("episodes-2026.csv", line, column), (problem.File, problem.Line!.Value, problem.Column));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_before_the_period_of_care()
    {
        var problem = Assert.Single(Result.Problems, p => p.Reason.StartsWith("child D500:", StringComparison.Ordinal));

        Assert.Equal(("reviews-2026.csv", LineStarting(Reviews, "D500,"), "REVIEW"), (problem.File, problem.Line!.Value, problem.Column));
        Assert.Contains("2025-05-15 is before the period of care (which began 2025-06-02)", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_code_not_in_the_list()
    {
        var problem = Assert.Single(Result.Problems, p => p.Reason.StartsWith("child D750:", StringComparison.Ordinal));

        Assert.Equal(("reviews-2026.csv", LineStarting(Reviews, "D750,"), "REVIEW_CODE"), (problem.File, problem.Line!.Value, problem.Column));
    }

    [Fact]
    public void Children_with_a_problem_are_left_out_whole_and_the_rest_import()
    {
        // D900's first episode is good, its second is not: none of D900 is imported.
        Assert.Equal(["D100", "D700"], Result.Cases.Select(c => c.CaseReference));
        Assert.Equal(
            [("became_looked_after", "2025-05-01", null), ("placement_started", "2025-05-01", "standard"), ("looked_after_review_held", "2025-05-29", null)],
            Result.Case("D100").Shape());
    }

    [Fact]
    public void A_file_with_an_unknown_header_beside_good_files()
    {
        Assert.Contains(Result.Problems, p => p == new ImportProblem("unknown.csv", 1, null, p.Reason));
    }

    [Fact]
    public void A_review_after_the_period_ended_and_one_for_a_child_with_no_episode()
    {
        var episodes = Text("e.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nE1,01/05/2023,S,V2,N1,U6,PR1,01/07/2023,E11,,,,\n");
        var reviews = Text("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nE1,,02/08/2023,PN1\nE2,,02/08/2023,PN1\n");

        var result = Import903([episodes, reviews], Today2024);

        Assert.Equal(
            [
                new ImportProblem("r.csv", 2, "REVIEW", "child E1: the looked-after review on 2023-08-02 is after the period of care ended (2023-07-01)."),
                new ImportProblem("r.csv", 3, "REVIEW", "child E2: a looked-after review, but no episode of care for the child in the return."),
            ],
            result.Problems);
        Assert.Empty(result.Cases);
    }

    [Fact]
    public void An_episode_after_care_ended_must_start_a_new_period()
    {
        var episodes = Text("e.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nE1,01/05/2023,S,V2,N1,U6,PR1,01/07/2023,E11,,,,\nE1,01/09/2023,P,V2,N1,U6,PR1,,,,,,\n");

        var result = Import903([episodes], Today2024);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, "RNE"), (problem.Line!.Value, problem.Column));
        Assert.Empty(result.Cases);
    }

    [Fact]
    public void A_child_id_that_is_not_letters_and_digits()
    {
        var episodes = Text("e.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nE-1,01/05/2023,S,V2,N1,U6,PR1,,,,,,\nE2,01/05/2023,S,V2,N1,U6,PR1,,,,,,\n");

        var result = Import903([episodes], Today2024);

        Assert.Equal(new ImportProblem("e.csv", 2, "CHILD", "CHILD must be 1–20 letters and digits; the row was not read."), Assert.Single(result.Problems));
        Assert.Equal("E2", Assert.Single(result.Cases).CaseReference);
    }

    [Fact]
    public void A_date_outside_the_calendar()
    {
        var episodes = Text("e.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nE1,01/05/1985,S,V2,N1,U6,PR1,,,,,,\n");

        var problem = Assert.Single(Import903([episodes], Today2024).Problems);

        Assert.Contains("outside 1990–2040", problem.Reason, StringComparison.Ordinal);
    }
}
