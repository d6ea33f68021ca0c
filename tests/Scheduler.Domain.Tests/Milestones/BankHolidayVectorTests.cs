using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Milestones;

/// <summary>The spec's test vectors across bank holidays (§6g), through the rules that use them.</summary>
public sealed class BankHolidayVectorTests
{
    private static IReadOnlyList<Milestone> Case(ChildCaseFacts facts, NodaTime.LocalDate today) =>
        ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today);

    private static IReadOnlyList<Milestone> Episode(OversightFacts facts, NodaTime.LocalDate today) =>
        OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today);

    private static ChildCaseFacts Cp(NodaTime.LocalDate strategy) =>
        new() { CaseReference = "CP-1", Type = CaseType.ChildProtection, StrategyDiscussion = strategy };

    [Fact]
    public void Icpc_over_Christmas_Wed_13_Dec_2017_is_due_Mon_8_Jan_2018()
    {
        Assert.Equal(D(2018, 1, 8), Case(Cp(D(2017, 12, 13)), D(2017, 12, 13)).One("icpc_15wd").Due);
    }

    [Fact]
    public void Icpc_over_the_State_Funeral_Mon_5_Sep_2022_is_due_Tue_27_Sep_2022()
    {
        Assert.Equal(D(2022, 9, 27), Case(Cp(D(2022, 9, 5)), D(2022, 9, 5)).One("icpc_15wd").Due);
    }

    [Fact]
    public void Icpc_over_the_Coronation_Thu_27_Apr_2023_is_due_Mon_22_May_2023()
    {
        Assert.Equal(D(2023, 5, 22), Case(Cp(D(2023, 4, 27)), D(2023, 4, 27)).One("icpc_15wd").Due);
    }

    [Fact]
    public void Looked_after_first_review_over_Christmas_Wed_20_Dec_2017_is_due_Mon_22_Jan_2018()
    {
        var facts = new ChildCaseFacts { CaseReference = "LAC-1", Type = CaseType.LookedAfter, BecameLookedAfter = D(2017, 12, 20) };
        Assert.Equal(D(2018, 1, 22), Case(facts, D(2017, 12, 20)).One("lac_review_first_20wd").Due);
    }

    [Fact]
    public void Referral_on_Fri_22_Dec_2017_needs_a_decision_by_Wed_27_Dec_and_an_assessment_by_Wed_28_Feb_2018()
    {
        var facts = new ChildCaseFacts { CaseReference = "R-1", Type = CaseType.Referral, ReferralReceived = D(2017, 12, 22) };
        var ms = Case(facts, D(2017, 12, 22));
        Assert.Equal(D(2017, 12, 27), ms.One("referral_decision_1wd").Due);
        Assert.Equal(D(2018, 2, 28), ms.One("assessment_45wd").Due);
    }

    [Fact]
    public void Action_plan_for_a_report_received_Fri_1_Dec_2017_is_due_Wed_14_Mar_2018()
    {
        Assert.Equal(D(2018, 3, 14), Episode(new OversightFacts { ReportReceived = D(2017, 12, 1) }, D(2017, 12, 1)).One("action_plan_submission").Due);
    }

    [Fact]
    public void Jubilee_2022_report_received_Wed_1_Jun_gives_8_Jul_22_Jul_and_12_Sep()
    {
        var ms = Episode(new OversightFacts { ReportReceived = D(2022, 6, 1) }, D(2022, 6, 1));
        var apv = ms.One("ofsted_action_planning_visit_window");
        Assert.Equal(D(2022, 7, 8), apv.Earliest);
        Assert.Equal(D(2022, 7, 22), apv.Due);
        Assert.Equal(D(2022, 9, 12), ms.One("action_plan_submission").Due);
    }

    [Fact]
    public void Ve_Day_move_Fri_1_May_2020_plus_5_working_days_is_Mon_11_May_2020()
    {
        // The IRO appointment rule is 5 working days: 4 May 2020 counts, 8 May does not.
        var facts = new ChildCaseFacts { CaseReference = "LAC-2", Type = CaseType.LookedAfter, BecameLookedAfter = D(2020, 5, 1) };
        Assert.Equal(D(2020, 5, 11), Case(facts, D(2020, 5, 1)).One("iro_appointment").Due);
    }

    [Fact]
    public void Cp_review_due_on_Christmas_Day_2017_is_effective_Fri_22_Dec_and_the_next_runs_from_the_actual_date()
    {
        // Strategy discussion Mon 4 Sep 2017 + 15 WD = ICPC Mon 25 Sep 2017.
        var facts = Cp(D(2017, 9, 4));
        Assert.Equal(D(2017, 9, 25), Case(facts, D(2017, 9, 4)).One("icpc_15wd").Due);

        var review = Case(facts with { Icpc = D(2017, 9, 25) }, D(2017, 9, 25)).One("cp_review_first_3m");
        Assert.Equal(D(2017, 12, 25), review.Due);
        Assert.Equal(D(2017, 12, 22), review.Effective);
        Assert.True(review.MovedToWorkingDay);

        var next = Case(facts with { Icpc = D(2017, 9, 25), ReviewsHeld = [D(2017, 12, 20)] }, D(2017, 12, 20)).One("cp_review_subsequent_6m");
        Assert.Equal(D(2018, 6, 20), next.Due);
    }

    [Fact]
    public void Looked_after_review_chain_from_Mon_4_Sep_2017()
    {
        var facts = new ChildCaseFacts { CaseReference = "LAC-3", Type = CaseType.LookedAfter, BecameLookedAfter = D(2017, 9, 4) };
        Assert.Equal(D(2017, 10, 2), Case(facts, D(2017, 9, 4)).One("lac_review_first_20wd").Due);

        var afterFirst = facts with { LookedAfterReviewsHeld = [D(2017, 10, 2)] };
        Assert.Equal(D(2018, 1, 2), Case(afterFirst, D(2017, 10, 2)).One("lac_review_second_3m").Due);

        var afterSecond = facts with { LookedAfterReviewsHeld = [D(2017, 10, 2), D(2018, 1, 2)] };
        var third = Case(afterSecond, D(2018, 1, 2)).One("lac_review_subsequent_6m");
        Assert.Equal(D(2018, 7, 2), third.Due);
        Assert.Equal(MilestoneStatus.Upcoming, third.Status);
    }

    [Fact]
    public void Looked_after_visits_from_a_placement_on_Mon_4_Sep_2017()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-4",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2017, 9, 4),
            Placements = [new Placement(D(2017, 9, 4), PlacementKind.IntendedUntil18)],
        };
        Assert.Equal(D(2017, 9, 11), Case(facts, D(2017, 9, 4)).One("lac_visit_first").Due);

        var second = Case(facts with { StatutoryVisitsMade = [D(2017, 9, 11)] }, D(2017, 9, 11)).One("lac_visit_first_year", 2);
        Assert.Equal(D(2017, 10, 23), second.Due);

        // The first-year phase ends Tue 4 Sep 2018: a visit the day before still counts 6 weeks, one on the day 3 months.
        var lastInFirstYear = Case(facts with { StatutoryVisitsMade = [D(2017, 9, 11), D(2018, 9, 3)] }, D(2018, 9, 3));
        Assert.Equal(D(2018, 10, 15), lastInFirstYear.One("lac_visit_first_year", 3).Due);
        var afterFirstYear = Case(facts with { StatutoryVisitsMade = [D(2017, 9, 11), D(2018, 9, 4)] }, D(2018, 9, 4));
        Assert.Equal(D(2018, 12, 4), afterFirstYear.One("lac_visit_after_first_year", 3).Due);
    }

    [Fact]
    public void Month_end_clamps_31_Aug_plus_6_months_and_30_Nov_plus_3_months()
    {
        var dfe = Episode(new OversightFacts { ReportReceived = D(2017, 8, 31) }, D(2017, 8, 31)).One("dfe_progress_review");
        Assert.Equal(D(2018, 2, 28), dfe.Due);

        var commissioner = Episode(new OversightFacts { ReportReceived = D(2017, 11, 30), CommissionerAppointed = D(2017, 11, 30) }, D(2017, 11, 30))
            .One("commissioner_report");
        Assert.Equal(D(2018, 2, 28), commissioner.Due);

        var leap = Episode(new OversightFacts { ReportReceived = D(2019, 8, 31) }, D(2019, 8, 31)).One("dfe_progress_review");
        Assert.Equal(D(2020, 2, 29), leap.Due);
        Assert.Equal(D(2020, 2, 28), leap.Effective);
    }

    [Fact]
    public void Fixed_cadence_never_drifts_after_a_month_end_clamp()
    {
        // 31 Aug + 12 months is 31 Aug again, not 28 Aug (28 Feb + 6 months).
        var reviews = Episode(new OversightFacts { ReportReceived = D(2017, 8, 31) }, D(2017, 8, 31)).All("dfe_progress_review");
        Assert.Equal(D(2018, 8, 31), reviews[1].Due);
    }

    [Theory]
    [InlineData(25, 2017, 9, 29)]
    [InlineData(35, 2017, 10, 9)]
    [InlineData(70, 2017, 11, 13)]
    public void Calendar_day_readings_from_4_Sep_2017(int days, int y, int m, int d)
    {
        Assert.Equal(D(y, m, d), RuleOffset.CalendarDays(days).ApplyTo(D(2017, 9, 4), Statutory));
    }
}
