using Scheduler.Domain.Children;
using Scheduler.Returns.Ssda903;
using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>
/// Episodes and reviews to events, against the synthetic 2023/24 return: RNE S starts a period of care (became looked
/// after and placed), RNE P, T, B and U change placement, REC other than X1 ends care, each review is a review held.
/// </summary>
public sealed class Ssda903MappingTests
{
    private static readonly ImportResult Result = Import903("903-2023-24", Today2024);

    [Fact]
    public void A_period_of_care_with_a_change_of_placement_and_two_reviews()
    {
        Assert.Equal(
            [
                ("became_looked_after", "2023-09-04", null),
                ("placement_started", "2023-09-04", "long_term_foster"),
                ("looked_after_review_held", "2023-10-02", null),
                ("placement_started", "2023-11-06", "standard"),
                ("looked_after_review_held", "2024-01-02", null),
            ],
            Result.Case("C100").Shape());
        Assert.Equal(CaseType.LookedAfter, Result.Case("C100").Type);
    }

    [Fact]
    public void Ceasing_with_a_reason_other_than_X1_closes_the_case()
    {
        Assert.Equal(
            [("became_looked_after", "2023-04-10", null), ("placement_started", "2023-04-10", "standard"), ("case_closed", "2023-06-20", null)],
            Result.Case("C200").Shape());
    }

    [Fact]
    public void Ceasing_with_X1_does_not_close_the_case()
    {
        Assert.DoesNotContain(Result.Case("C800").Events, e => e.Type == "case_closed");
        Assert.DoesNotContain(Result.Case("C100").Events, e => e.Type == "case_closed");
    }

    [Fact]
    public void B_T_and_U_are_placement_changes()
    {
        Assert.Equal(
            [
                ("became_looked_after", "2023-04-01", null),
                ("placement_started", "2023-04-01", "standard"),
                ("placement_started", "2023-06-01", "standard"),
                ("placement_started", "2023-08-01", "standard"),
                ("placement_started", "2023-10-01", "standard"),
            ],
            Result.Case("C800").Shape());
    }

    [Fact]
    public void A_change_of_legal_status_only_is_not_a_placement()
    {
        // C500: placed with parents on an interim care order (C1) on 3 Jul, then a full care order (RNE L) on 1 Sep.
        Assert.Equal(
            [("became_looked_after", "2023-07-03", null), ("placement_started", "2023-07-03", "interim_care_order_with_parent")],
            Result.Case("C500").Shape());
    }

    [Fact]
    public void Short_breaks_follow_the_legal_status()
    {
        Assert.Equal("short_breaks", Result.Case("C400").Events[1].Fields["kind"]);
    }

    [Fact]
    public void The_case_follows_the_latest_period_of_care()
    {
        // C600 left care on 30 May 2023 (E13) and came back on 1 Aug 2023; the 15 May review belongs to the first period.
        Assert.Equal(
            [("became_looked_after", "2023-08-01", null), ("placement_started", "2023-08-01", "standard"), ("looked_after_review_held", "2023-08-21", null)],
            Result.Case("C600").Shape());
        Assert.Contains(Result.Notes, n => n.StartsWith("child C600: 1 earlier period(s) of care in the return, and 1 review(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_period_that_began_before_the_return_adds_to_the_existing_case()
    {
        var c300 = Result.Case("C300");

        Assert.True(c300.StartsBeforeReturn);
        Assert.Equal([("placement_started", "2022-02-01", "standard"), ("looked_after_review_held", "2023-05-10", null)], c300.Shape());
        Assert.Contains(Result.Notes, n => n.StartsWith("1 child(ren) whose period of care began before the return's first episode", StringComparison.Ordinal) && n.EndsWith(": C300.", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_child_with_episodes_and_no_problem_is_a_case()
    {
        Assert.Equal(["C100", "C200", "C300", "C400", "C500", "C600", "C700", "C800"], Result.Cases.Select(c => c.CaseReference));
    }

    [Fact]
    public void Events_carry_the_file_line_and_column_they_came_from()
    {
        var review = Result.Case("C100").Events.Single(e => e.Type == "looked_after_review_held" && e.Date == new NodaTime.LocalDate(2024, 1, 2));

        Assert.Equal(new ImportSource("b.txt", LineStarting(Data("903-2023-24", "b.txt"), "C100,14/07/2009,02/01/2024"), "REVIEW"), review.Source);
    }

    [Theory]
    [InlineData("U1", "C2", PlacementKind.LongTermFoster)]
    [InlineData("U4", "V2", PlacementKind.LongTermFoster)]
    [InlineData("U2", "C2", PlacementKind.Standard)]
    [InlineData("U3", "C2", PlacementKind.Standard)]
    [InlineData("U5", "C2", PlacementKind.Standard)]
    [InlineData("U6", "C2", PlacementKind.Standard)]
    [InlineData("P1", "C1", PlacementKind.InterimCareOrderWithParent)]
    [InlineData("P1", "C2", PlacementKind.CareOrderWithParent)]
    [InlineData("P1", "V2", PlacementKind.Standard)]
    [InlineData("R1", "V3", PlacementKind.ShortBreaks)]
    [InlineData("U4", "V4", PlacementKind.ShortBreaks)]
    [InlineData("K2", "C2", PlacementKind.Standard)]
    [InlineData("K3", "C2", PlacementKind.Standard)]
    [InlineData("A3", "E1", PlacementKind.Standard)]
    [InlineData("Z11", "C2", PlacementKind.Standard)]
    public void Placement_kind_from_PLACE_and_LS(string place, string legalStatus, PlacementKind expected)
    {
        Assert.Equal(expected, PlacementKinds.For(place, legalStatus));
    }
}
