using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Milestones;

public sealed class ChildCaseCalendarTests
{
    // ICPC Mon 25 Sep 2017 (strategy discussion Mon 4 Sep 2017 + 15 working days).
    private static readonly ChildCaseFacts OnPlan = new()
    {
        CaseReference = "CP-100",
        Type = CaseType.ChildProtection,
        StrategyDiscussion = D(2017, 9, 4),
        Icpc = D(2017, 9, 25),
    };

    private static IReadOnlyList<Milestone> Compute(ChildCaseFacts facts, NodaTime.LocalDate today, AuthorityParameters? p = null, WorkingDayCalendar? local = null) =>
        ChildCaseCalendar.Compute(facts, p ?? AuthorityParameters.Default, Statutory, local ?? Statutory, today);

    [Fact]
    public void Icpc_shows_the_section_47_reading_as_the_alternative()
    {
        // Strategy discussion Wed 13 Dec 2017 → Mon 8 Jan 2018; s47 started Mon 18 Dec 2017 → 15 WD → Thu 11 Jan 2018.
        var facts = new ChildCaseFacts { CaseReference = "CP-2", Type = CaseType.ChildProtection, StrategyDiscussion = D(2017, 12, 13), S47Start = D(2017, 12, 18) };
        var m = Compute(facts, D(2017, 12, 18)).One("icpc_15wd");
        Assert.Equal(D(2018, 1, 8), m.Due);
        Assert.NotNull(m.Alternative);
        Assert.Equal(D(2018, 1, 11), m.Alternative.Due);

        var bySection47 = Compute(facts, D(2017, 12, 18), AuthorityParameters.Default with { IcpcTrigger = IcpcTrigger.Section47Start }).One("icpc_15wd");
        Assert.Equal(D(2018, 1, 11), bySection47.Due);
        Assert.Equal(D(2018, 1, 8), bySection47.Alternative!.Due);
    }

    [Fact]
    public void Core_groups_run_10_working_days_after_the_icpc_then_6_weeks_from_the_last()
    {
        var first = Compute(OnPlan, D(2017, 9, 25)).One("core_group_first");
        Assert.Equal(D(2017, 10, 9), first.Due);

        var next = Compute(OnPlan with { CoreGroupsHeld = [D(2017, 10, 9)] }, D(2017, 10, 9)).One("core_group_first", 2);
        Assert.Equal(D(2017, 11, 20), next.Due);

        var fourWeekly = AuthorityParameters.Default with { CoreGroupIntervalWeeks = 4 };
        Assert.Equal(D(2017, 11, 6), Compute(OnPlan with { CoreGroupsHeld = [D(2017, 10, 9)] }, D(2017, 10, 9), fourWeekly).One("core_group_first", 2).Due);
    }

    [Fact]
    public void Cp_visits_follow_the_authority_interval_from_the_previous_actual_visit()
    {
        Assert.Equal(D(2017, 10, 9), Compute(OnPlan, D(2017, 9, 25)).One("cp_plan_visits").Due);
        var weekly = AuthorityParameters.Default with { CpVisitIntervalWorkingDays = 5 };
        Assert.Equal(D(2017, 10, 2), Compute(OnPlan, D(2017, 9, 25), weekly).One("cp_plan_visits").Due);

        var overridden = AuthorityParameters.Default with { OffsetOverrides = new Dictionary<string, RuleOffset> { ["cp_plan_visits"] = RuleOffset.Weeks(4) } };
        Assert.Equal(D(2017, 10, 23), Compute(OnPlan, D(2017, 9, 25), overridden).One("cp_plan_visits").Due);
    }

    [Fact]
    public void Local_practice_rules_count_on_the_local_calendar_and_statutory_rules_never_do()
    {
        // Visit Wed 20 Dec 2017 + 10 WD: statutory → Mon 8 Jan 2018; with 27–29 Dec closed locally → Thu 11 Jan 2018.
        var local = Statutory.WithClosureDays([D(2017, 12, 27), D(2017, 12, 28), D(2017, 12, 29)]);
        var facts = OnPlan with { CpVisitsMade = [D(2017, 12, 20)] };
        var p = AuthorityParameters.Default with { LocalPracticeRules = new HashSet<string> { "cp_plan_visits" } };

        Assert.Equal(D(2018, 1, 8), Compute(facts, D(2017, 12, 20), AuthorityParameters.Default, local).One("cp_plan_visits", 2).Due);
        Assert.Equal(D(2018, 1, 11), Compute(facts, D(2017, 12, 20), p, local).One("cp_plan_visits", 2).Due);

        // The ICPC is statutory guidance: the local closures never move it.
        var icpc = Compute(new ChildCaseFacts { CaseReference = "CP-3", Type = CaseType.ChildProtection, StrategyDiscussion = D(2017, 12, 13) }, D(2017, 12, 13), p, local);
        Assert.Equal(D(2018, 1, 8), icpc.One("icpc_15wd").Due);
    }

    [Fact]
    public void A_review_not_yet_held_stays_overdue_and_nothing_is_computed_beyond_it()
    {
        var ms = Compute(OnPlan, D(2018, 3, 1));
        Assert.Equal(MilestoneStatus.Overdue, ms.One("cp_review_first_3m").Status);
        Assert.DoesNotContain(ms, m => m.Rule == "cp_review_subsequent_6m");
        Assert.Single(ms.All("cp_plan_visits"));
    }

    [Fact]
    public void Once_held_late_the_next_review_is_due_six_months_from_the_actual_date()
    {
        var ms = Compute(OnPlan with { ReviewsHeld = [D(2018, 1, 10)] }, D(2018, 3, 1));
        Assert.Equal(MilestoneStatus.MetLate, ms.One("cp_review_first_3m").Status);
        Assert.Equal(D(2018, 7, 10), ms.One("cp_review_subsequent_6m").Due);
    }

    [Fact]
    public void Subsequent_reviews_chain_from_each_actual_review()
    {
        var ms = Compute(OnPlan with { ReviewsHeld = [D(2017, 12, 20), D(2018, 6, 1), D(2018, 12, 3)] }, D(2018, 12, 3));
        var subsequent = ms.All("cp_review_subsequent_6m");
        Assert.Equal([D(2018, 6, 20), D(2018, 12, 1), D(2019, 6, 3)], subsequent.Select(m => m.Due));
        Assert.Equal([MilestoneStatus.Met, MilestoneStatus.MetLate, MilestoneStatus.Upcoming], subsequent.Select(m => m.Status));
    }

    [Fact]
    public void An_ended_plan_produces_no_further_occurrences()
    {
        var ms = Compute(OnPlan with { ReviewsHeld = [D(2017, 12, 20)], PlanEnded = D(2018, 2, 1) }, D(2018, 3, 1));
        Assert.DoesNotContain(ms, m => m.Met is null && m.Due >= D(2018, 2, 1));
    }

    [Fact]
    public void A_closed_case_produces_nothing_due_after_closure()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-9",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2017, 9, 4),
            Placements = [new Placement(D(2017, 9, 4), PlacementKind.Standard)],
            StatutoryVisitsMade = [D(2017, 9, 8)],
            LookedAfterReviewsHeld = [D(2017, 9, 29)],
            IroAppointed = D(2017, 9, 6),
            HealthAssessmentsHeld = [D(2017, 9, 20)],
            CaseClosed = D(2017, 10, 6),
        };
        var ms = Compute(facts, D(2018, 1, 1));
        Assert.DoesNotContain(ms, m => m.Met is null && m.Due >= D(2017, 10, 6));
    }

    [Fact]
    public void Long_term_foster_visits_become_six_monthly_after_a_year_when_the_child_agrees()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-5",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2016, 1, 4),
            Placements = [new Placement(D(2016, 1, 4), PlacementKind.LongTermFoster, ChildAgreesToFewerVisits: true)],
            StatutoryVisitsMade = [D(2016, 1, 8), D(2017, 1, 9)],
        };
        var next = Compute(facts, D(2017, 1, 9)).All("lac_visit_long_term_foster_6m");
        Assert.Equal(D(2017, 7, 9), Assert.Single(next).Due);

        var notAgreed = facts with { Placements = [new Placement(D(2016, 1, 4), PlacementKind.LongTermFoster)] };
        Assert.Equal(D(2017, 4, 9), Compute(notAgreed, D(2017, 1, 9)).All("lac_visit_after_first_year").Single().Due);
    }

    [Fact]
    public void Placed_with_a_parent_visits_are_weekly_until_the_first_review_then_six_weekly()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-6",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2017, 9, 4),
            Placements = [new Placement(D(2017, 9, 4), PlacementKind.PlacedWithParentReg19)],
            StatutoryVisitsMade = [D(2017, 9, 8)],
        };
        Assert.Equal(D(2017, 9, 15), Compute(facts, D(2017, 9, 8)).One("lac_visit_special_cases", 2).Due);

        var afterReview = facts with { LookedAfterReviewsHeld = [D(2017, 9, 29)], StatutoryVisitsMade = [D(2017, 9, 8), D(2017, 9, 29)] };
        Assert.Equal(D(2017, 11, 10), Compute(afterReview, D(2017, 9, 29)).One("lac_visit_special_cases", 3).Due);

        var connected = afterReview with { Placements = [new Placement(D(2017, 9, 4), PlacementKind.ConnectedPersonReg24)] };
        Assert.Equal(D(2017, 10, 27), Compute(connected, D(2017, 9, 29)).One("lac_visit_special_cases", 3).Due);
    }

    [Fact]
    public void A_new_placement_needs_its_own_first_visit_within_a_week()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-7",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2017, 9, 4),
            Placements = [new Placement(D(2017, 9, 4), PlacementKind.Standard), new Placement(D(2017, 10, 2), PlacementKind.Standard)],
            StatutoryVisitsMade = [D(2017, 9, 8)],
        };
        var ms = Compute(facts, D(2017, 10, 2));
        Assert.Equal(D(2017, 10, 9), ms.One("lac_visit_first", cycle: 2).Due);
        Assert.DoesNotContain(ms, m => m.Group == RuleGroup.StatutoryVisit && m.Cycle == 1 && m.Met is null);
    }

    [Fact]
    public void Health_assessments_use_the_interval_the_worker_recorded()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-8",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2017, 12, 20),
        };
        Assert.Equal(D(2018, 1, 22), Compute(facts, D(2017, 12, 20)).One("lac_health_assessment").Due);
        var sixMonthly = facts with { HealthAssessmentsHeld = [D(2018, 1, 15)], HealthReviewIntervalMonths = 6 };
        Assert.Equal(D(2018, 7, 15), Compute(sixMonthly, D(2018, 1, 15)).One("lac_health_assessment", 2).Due);
    }

    [Fact]
    public void Pathway_needs_assessment_is_due_three_months_after_eligibility()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "LAC-10",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = D(2015, 3, 2),
            PathwayEligibleFrom = D(2017, 11, 30),
        };
        Assert.Equal(D(2018, 2, 28), Compute(facts, D(2017, 12, 1)).One("pathway_needs_assessment").Due);
    }

    [Fact]
    public void Private_fostering_visits_are_six_weekly_then_twelve_weekly_after_the_first_year()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "PF-1",
            Type = CaseType.PrivateFostering,
            PrivateFosteringNotified = D(2017, 1, 2),
            StatutoryVisitsMade = [D(2017, 2, 13)],
        };
        Assert.Equal(D(2017, 2, 13), Compute(facts, D(2017, 2, 13)).One("private_fostering_visits").Due);
        Assert.Equal(D(2017, 3, 27), Compute(facts, D(2017, 2, 13)).One("private_fostering_visits", 2).Due);
        var later = facts with { StatutoryVisitsMade = [D(2017, 2, 13), D(2018, 1, 8)] };
        Assert.Equal(D(2018, 4, 2), Compute(later, D(2018, 1, 8)).One("private_fostering_visits", 3).Due);
    }

    [Fact]
    public void A_milestone_completed_by_key_is_met()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "R-2",
            Type = CaseType.Referral,
            ReferralReceived = D(2017, 12, 22),
            Completed = new Dictionary<string, NodaTime.LocalDate> { ["assessment_45wd/1/1"] = D(2018, 3, 1) },
        };
        var m = Compute(facts, D(2018, 3, 2)).One("assessment_45wd");
        Assert.Equal(MilestoneStatus.MetLate, m.Status);
        Assert.Equal(D(2018, 3, 1), m.Met);
    }

    [Fact]
    public void No_child_fact_holds_a_name_address_or_date_of_birth()
    {
        var names = typeof(ChildCaseFacts).GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();
        Assert.DoesNotContain(names, n => n.Contains("name") || n.Contains("address") || n.Contains("birth") || n.Contains("dob"));
    }
}
