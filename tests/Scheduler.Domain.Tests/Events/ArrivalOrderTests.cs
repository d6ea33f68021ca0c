using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// Events in any order: the fault run's scenario, impossible pairs refused whichever arrives first, and what the
/// milestones show while a prerequisite has not arrived. Expected dates are counted by hand (see EventSets).
/// </summary>
public sealed class ArrivalOrderTests
{
    [Fact]
    public void Twenty_child_protection_events_sent_newest_first_are_all_accepted_and_agree_with_oldest_first()
    {
        var today = EventSets.CpToday;
        var newestFirst = Record(EventSets.CpBase, EventSets.Cp.Reverse(), today);
        var oldestFirst = Record(EventSets.CpBase, EventSets.Cp, today);
        Assert.Equal(20, newestFirst.Recorded);
        Assert.Equal(CanonicalText.Of(oldestFirst.Facts), CanonicalText.Of(newestFirst.Facts));

        var ms = Milestones(newestFirst.Facts, today);
        Assert.Equal(CanonicalText.Of(Milestones(oldestFirst.Facts, today)), CanonicalText.Of(ms));

        Assert.Equal(D(2018, 3, 6), ms.One("referral_decision_1wd").Due);
        Assert.Equal(D(2018, 5, 10), ms.One("assessment_45wd").Due); // 45 working days over Easter and 7 May
        AssertMet(ms.One("icpc_15wd"), D(2018, 3, 28), D(2018, 3, 27));
        AssertMet(ms.One("cp_review_first_3m"), D(2018, 6, 27), D(2018, 6, 26));

        // 6 months after Tue 26 Jun 2018 is Wed 26 Dec (Boxing Day), worked to Mon 24 Dec.
        var review = ms.One("cp_review_subsequent_6m");
        Assert.Equal((D(2018, 12, 26), D(2018, 12, 24), MilestoneStatus.Upcoming), (review.Due, review.Effective, review.Status));

        AssertMet(ms.One("core_group_first"), D(2018, 4, 12), D(2018, 4, 11));
        Assert.Equal((D(2018, 9, 24), MilestoneStatus.Upcoming), (ms.One("core_group_first", 5).Due, ms.One("core_group_first", 5).Status));

        AssertMet(ms.One("cp_plan_visits", 1), D(2018, 4, 12), D(2018, 4, 10));
        AssertMet(ms.One("cp_plan_visits", 3), D(2018, 5, 8), D(2018, 5, 4));
        var late = ms.One("cp_plan_visits", 8);
        Assert.Equal((D(2018, 7, 12), D(2018, 7, 16), MilestoneStatus.MetLate), (late.Due, late.Met, late.Status));

        // 10 working days after Thu 23 Aug, over the 27 Aug bank holiday: Fri 7 Sep.
        var next = ms.One("cp_plan_visits", 12);
        Assert.Equal((D(2018, 9, 7), (LocalDate?)null, MilestoneStatus.Upcoming), (next.Due, next.Met, next.Status));
    }

    [Fact]
    public void Twenty_looked_after_events_sent_newest_first_are_all_accepted_and_agree_with_oldest_first()
    {
        var today = EventSets.LacToday;
        var newestFirst = Record(EventSets.LacBase, EventSets.Lac.Reverse(), today);
        var oldestFirst = Record(EventSets.LacBase, EventSets.Lac, today);
        Assert.Equal(20, newestFirst.Recorded);
        Assert.Equal(CanonicalText.Of(oldestFirst.Facts), CanonicalText.Of(newestFirst.Facts));
        Assert.Equal(12, newestFirst.Facts.HealthReviewIntervalMonths); // the later assessment's choice

        var ms = Milestones(newestFirst.Facts, today);
        Assert.Equal(CanonicalText.Of(Milestones(oldestFirst.Facts, today)), CanonicalText.Of(ms));

        AssertMet(ms.One("iro_appointment"), D(2017, 9, 11), D(2017, 9, 8));
        AssertMet(ms.One("lac_review_first_20wd"), D(2017, 10, 2), D(2017, 9, 29));
        AssertMet(ms.One("lac_review_second_3m"), D(2017, 12, 29), D(2017, 12, 20));
        AssertMet(ms.One("lac_review_subsequent_6m", 1), D(2018, 6, 20), D(2018, 6, 19));
        Assert.Equal((D(2018, 12, 19), MilestoneStatus.Upcoming), (ms.One("lac_review_subsequent_6m", 2).Due, ms.One("lac_review_subsequent_6m", 2).Status));

        AssertMet(ms.One("lac_health_assessment", 1), D(2017, 10, 2), D(2017, 9, 28));
        // The case holds one interval, the latest assessment's (12 months), so the second is counted 12 months
        // from Thu 28 Sep 2017 and was met early.
        AssertMet(ms.One("lac_health_assessment", 2), D(2018, 9, 28), D(2018, 3, 27));
        Assert.Equal(D(2019, 3, 27), ms.One("lac_health_assessment", 3).Due);

        AssertMet(ms.One("lac_visit_first", 1, cycle: 1), D(2017, 9, 11), D(2017, 9, 8));
        AssertMet(ms.One("lac_visit_first_year", 4, cycle: 1), D(2018, 1, 8), D(2018, 1, 4));
        AssertMet(ms.One("lac_visit_first", 1, cycle: 2), D(2018, 4, 16), D(2018, 4, 13));
        Assert.Equal((D(2018, 11, 2), MilestoneStatus.Upcoming), (ms.One("lac_visit_first_year", 6, cycle: 2).Due, ms.One("lac_visit_first_year", 6, cycle: 2).Status));
    }

    [Fact]
    public void An_icpc_before_its_strategy_discussion_is_refused_whichever_arrives_first()
    {
        var facts = new ChildCaseFacts { CaseReference = "CP-ORDER-2", Type = CaseType.ChildProtection };
        ChildCaseEvent strategy = new StrategyDiscussionHeld(D(2017, 12, 13));
        ChildCaseEvent icpc = new IcpcHeld(D(2017, 12, 12));

        var icpcSecond = Assert.Single(ChildCaseFacts.ValidateNew(facts, [strategy], icpc, Statutory));
        Assert.Equal("date", icpcSecond.Field);
        Assert.Contains("2017-12-12 is before strategy_discussion on 2017-12-13", icpcSecond.Reason);

        var strategySecond = Assert.Single(ChildCaseFacts.ValidateNew(facts, [icpc], strategy, Statutory));
        Assert.Equal("date", strategySecond.Field);
        Assert.Contains("2017-12-13 is after icpc_held on 2017-12-12", strategySecond.Reason);
        Assert.Contains("strategy discussion", strategySecond.Reason);
        Assert.DoesNotContain(facts.CaseReference, icpcSecond.Reason + strategySecond.Reason);

        // The whole list: blamed on the one later in the list, by its index there.
        Assert.Equal("events[1].date", Assert.Single(Assert.Throws<DomainValidationException>(() => ChildCaseFacts.FromEvents(facts, [strategy, icpc], Statutory)).Errors).Field);
        Assert.Equal("events[1].date", Assert.Single(Assert.Throws<DomainValidationException>(() => ChildCaseFacts.FromEvents(facts, [icpc, strategy], Statutory)).Errors).Field);
        Assert.Throws<DomainValidationException>(() => ChildCaseFacts.FromEvents(facts, [icpc], strategy, Statutory));

        // The same day is possible.
        Assert.Equal(D(2017, 12, 13), ChildCaseFacts.FromEvents(facts, [new IcpcHeld(D(2017, 12, 13))], strategy, Statutory).Icpc);
    }

    [Fact]
    public void A_looked_after_review_before_the_child_became_looked_after_is_refused_whichever_arrives_first()
    {
        var facts = new ChildCaseFacts { CaseReference = "LAC-ORDER-2", Type = CaseType.LookedAfter };
        ChildCaseEvent lookedAfter = new BecameLookedAfter(D(2017, 9, 4));
        ChildCaseEvent review = new LookedAfterReviewHeld(D(2017, 9, 1));

        var reviewSecond = Assert.Single(ChildCaseFacts.ValidateNew(facts, [lookedAfter], review, Statutory));
        Assert.Equal("date", reviewSecond.Field);
        Assert.Contains("2017-09-01 is before became_looked_after on 2017-09-04", reviewSecond.Reason);

        var lookedAfterSecond = Assert.Single(ChildCaseFacts.ValidateNew(facts, [review], lookedAfter, Statutory));
        Assert.Equal("date", lookedAfterSecond.Field);
        Assert.Contains("2017-09-04 is after looked_after_review_held on 2017-09-01", lookedAfterSecond.Reason);
    }

    [Fact]
    public void Nothing_after_closure_whichever_arrives_first()
    {
        var facts = new ChildCaseFacts { CaseReference = "CP-ORDER-3", Type = CaseType.ChildProtection };
        ChildCaseEvent closed = new CaseClosed(D(2017, 12, 20));
        ChildCaseEvent icpc = new IcpcHeld(D(2018, 1, 8));
        Assert.Contains("after case_closed on 2017-12-20", Assert.Single(ChildCaseFacts.ValidateNew(facts, [closed], icpc, Statutory)).Reason);
        Assert.Contains("before icpc_held on 2018-01-08", Assert.Single(ChildCaseFacts.ValidateNew(facts, [icpc], closed, Statutory)).Reason);
    }

    [Fact]
    public void A_review_conference_before_the_icpc_is_known_shows_no_review_schedule_until_the_icpc_arrives()
    {
        var today = D(2018, 7, 2);
        ChildCaseEvent[] early = [new StrategyDiscussionHeld(D(2018, 3, 7)), new CpReviewHeld(D(2018, 6, 26)), new CpVisitMade(D(2018, 4, 10))];
        var without = ChildCaseFacts.FromEvents(EventSets.CpBase, early, Statutory, today);
        var ms = Milestones(without, today);

        // The ICPC is still due from the strategy discussion (Wed 28 Mar) and, not recorded, overdue.
        var icpc = ms.One("icpc_15wd");
        Assert.Equal((D(2018, 3, 28), (LocalDate?)null, MilestoneStatus.Overdue), (icpc.Due, icpc.Met, icpc.Status));
        Assert.DoesNotContain(ms, m => m.Rule is "cp_review_first_3m" or "cp_review_subsequent_6m" or "core_group_first" or "cp_plan_visits");

        var with = ChildCaseFacts.FromEvents(EventSets.CpBase, early, new IcpcHeld(D(2018, 3, 27)), Statutory, today);
        var after = Milestones(with, today);
        AssertMet(after.One("cp_review_first_3m"), D(2018, 6, 27), D(2018, 6, 26));
        Assert.Equal(D(2018, 12, 24), after.One("cp_review_subsequent_6m").Effective);
        AssertMet(after.One("cp_plan_visits"), D(2018, 4, 12), D(2018, 4, 10));
    }

    [Fact]
    public void Looked_after_events_before_the_child_is_known_to_be_looked_after_show_no_schedule_until_it_is()
    {
        var today = D(2017, 10, 9);
        ChildCaseEvent[] early = [new LookedAfterReviewHeld(D(2017, 9, 29)), new PlacementStarted(D(2017, 9, 4), PlacementKind.Standard), new StatutoryVisitMade(D(2017, 9, 8))];
        var ms = Milestones(ChildCaseFacts.FromEvents(EventSets.LacBase, early, Statutory, today), today);
        Assert.Empty(ms);

        var after = Milestones(ChildCaseFacts.FromEvents(EventSets.LacBase, early, new BecameLookedAfter(D(2017, 9, 4)), Statutory, today), today);
        AssertMet(after.One("lac_review_first_20wd"), D(2017, 10, 2), D(2017, 9, 29));
        AssertMet(after.One("lac_visit_first", 1, cycle: 1), D(2017, 9, 11), D(2017, 9, 8));
    }

    [Fact]
    public void A_statutory_visit_before_its_placement_arrives_counts_once_the_placement_does()
    {
        var today = D(2017, 9, 20);
        var lookedAfter = new BecameLookedAfter(D(2017, 9, 4));
        ChildCaseEvent[] events = [lookedAfter, new PlacementStarted(D(2017, 9, 15), PlacementKind.Standard), new StatutoryVisitMade(D(2017, 9, 8))];
        var before = Milestones(ChildCaseFacts.FromEvents(EventSets.LacBase, events, Statutory, today), today);

        // The visit on Fri 8 Sep precedes the one placement known, so it counts for none; its first visit is due a
        // week after Fri 15 Sep.
        var open = before.One("lac_visit_first", 1, cycle: 1);
        Assert.Equal((D(2017, 9, 22), (LocalDate?)null), (open.Due, open.Met));

        var after = Milestones(ChildCaseFacts.FromEvents(EventSets.LacBase, events, new PlacementStarted(D(2017, 9, 4), PlacementKind.Standard), Statutory, today), today);
        AssertMet(after.One("lac_visit_first", 1, cycle: 1), D(2017, 9, 11), D(2017, 9, 8));
        Assert.Equal(D(2017, 9, 22), after.One("lac_visit_first", 1, cycle: 2).Due);
    }

    [Fact]
    public void The_same_fact_twice_changes_nothing_in_any_order()
    {
        var once = ChildCaseFacts.FromEvents(EventSets.CpBase, EventSets.Cp, Statutory);
        var twice = ChildCaseFacts.FromEvents(EventSets.CpBase, [.. EventSets.Cp.Reverse(), .. EventSets.Cp], Statutory);
        Assert.Equal(CanonicalText.Of(once), CanonicalText.Of(twice));
        Assert.Equal(11, twice.CpVisitsMade.Count);

        var recorded = EventSets.Cp.ToList();
        Assert.Empty(ChildCaseFacts.ValidateNew(EventSets.CpBase, recorded, recorded[7], Statutory, EventSets.CpToday));
    }

    [Fact]
    public void Of_two_placements_starting_on_one_day_the_one_recorded_later_wins()
    {
        var facts = new ChildCaseFacts { CaseReference = "LAC-ORDER-3", Type = CaseType.LookedAfter };
        ChildCaseEvent lookedAfter = new BecameLookedAfter(D(2017, 9, 4));
        ChildCaseEvent standard = new PlacementStarted(D(2017, 9, 4), PlacementKind.Standard);
        ChildCaseEvent corrected = new PlacementStarted(D(2017, 9, 4), PlacementKind.IntendedUntil18);
        Assert.Equal(PlacementKind.IntendedUntil18, Assert.Single(ChildCaseFacts.FromEvents(facts, [standard, lookedAfter, corrected], Statutory).Placements).Kind);
        Assert.Equal(PlacementKind.Standard, Assert.Single(ChildCaseFacts.FromEvents(facts, [corrected, standard, lookedAfter], Statutory).Placements).Kind);
    }

    [Fact]
    public void Errors_in_a_list_name_each_event_by_its_index_in_the_list()
    {
        ChildCaseEvent[] events = [new IcpcHeld(D(2018, 1, 8)), new CpReviewHeld(D(2018, 1, 1)), new HealthAssessmentHeld(D(2018, 1, 2), 9), new CpVisitMade(D(2018, 1, 9))];
        var errors = Assert.Throws<DomainValidationException>(() => ChildCaseFacts.FromEvents(EventSets.CpBase, events, Statutory)).Errors;
        Assert.Equal(["events[1].date", "events[2].interval_months"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Contains("before icpc_held on 2018-01-08", errors.Single(e => e.Field == "events[1].date").Reason);
    }

    [Fact]
    public void An_oversight_event_before_the_report_was_received_is_refused_and_order_rules_hold_either_way()
    {
        var facts = EventSets.EpisodeBase;
        var early = Assert.Single(OversightFacts.ValidateNew(facts, [], new MonitoringVisitHeld(D(2017, 9, 1)), Statutory));
        Assert.Contains("before report_received on 2017-09-04", early.Reason);

        OversightEvent fieldwork = new ReinspectionFieldworkStarted(D(2019, 5, 13));
        OversightEvent outcome = new ReinspectionOutcomeRecorded(D(2019, 5, 10), Judgement.Good);
        Assert.Contains("before reinspection_fieldwork_started on 2019-05-13", Assert.Single(OversightFacts.ValidateNew(facts, [fieldwork], outcome, Statutory)).Reason);
        Assert.Contains("after reinspection_outcome on 2019-05-10", Assert.Single(OversightFacts.ValidateNew(facts, [outcome], fieldwork, Statutory)).Reason);
    }

    [Fact]
    public void The_latest_route_recorded_wins_in_any_order()
    {
        OversightEvent notice = new InterventionRouteRecorded(D(2017, 9, 11), InterventionRoute.ImprovementNotice);
        OversightEvent direction = new InterventionRouteRecorded(D(2017, 10, 2), InterventionRoute.DirectionAndCommissioner);
        Assert.Equal(InterventionRoute.DirectionAndCommissioner, OversightFacts.FromEvents(EventSets.EpisodeBase, [notice, direction], Statutory).Route);
        Assert.Equal(InterventionRoute.DirectionAndCommissioner, OversightFacts.FromEvents(EventSets.EpisodeBase, [direction, notice], Statutory).Route);
    }

    private static (ChildCaseFacts Facts, int Recorded) Record(ChildCaseFacts baseFacts, IEnumerable<ChildCaseEvent> arrivals, LocalDate today)
    {
        // As the application does: each new event is checked against every one recorded before it.
        var recorded = new List<ChildCaseEvent>();
        var facts = baseFacts;
        foreach (var e in arrivals)
        {
            facts = ChildCaseFacts.FromEvents(baseFacts, recorded, e, Statutory, today);
            recorded.Add(e);
        }

        return (facts, recorded.Count);
    }

    private static IReadOnlyList<Milestone> Milestones(ChildCaseFacts facts, LocalDate today) =>
        ChildCaseCalendar.Compute(facts.EnsureValid(Statutory, today), AuthorityParameters.Default, Statutory, Statutory, today);

    private static void AssertMet(Milestone m, LocalDate due, LocalDate met)
    {
        Assert.Equal(due, m.Due);
        Assert.Equal(met, m.Met);
        Assert.Equal(MilestoneStatus.Met, m.Status);
    }
}
