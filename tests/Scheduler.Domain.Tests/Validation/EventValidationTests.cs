using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Validation;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Validation;

public sealed class EventValidationTests
{
    private static readonly OversightFacts Episode = new() { ReportReceived = D(2017, 9, 4) };

    private static readonly ChildCaseFacts CpCase = new()
    {
        CaseReference = "CP-1",
        Type = CaseType.ChildProtection,
        ReferralReceived = D(2017, 12, 1),
        StrategyDiscussion = D(2017, 12, 13),
    };

    private static Dictionary<string, string?> Fields(params (string Key, string? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void An_unknown_event_type_is_named()
    {
        var ex = Assert.Throws<DomainValidationException>(() => EventFactory.Oversight("visit_happened", Fields(("date", "2017-12-13"))));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("type", error.Field);
        Assert.Contains("visit_happened", error.Reason);

        Assert.Equal("type", Assert.Single(Assert.Throws<DomainValidationException>(() => EventFactory.ChildCase("action_plan_submitted", Fields(("date", "2017-12-13")))).Errors).Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("13/12/2017")]
    [InlineData("2017-02-30")]
    public void A_missing_or_malformed_date_is_named(string? date)
    {
        var ex = Assert.Throws<DomainValidationException>(() => EventFactory.ChildCase("icpc_held", Fields(("date", date))));
        Assert.Equal("date", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Typed_fields_are_parsed_from_their_wire_names()
    {
        var outcome = Assert.IsType<ReinspectionOutcomeRecorded>(EventFactory.Oversight("reinspection_outcome", Fields(("date", "2019-06-03"), ("judgement", "requires_improvement"))));
        Assert.Equal(Judgement.RequiresImprovement, outcome.Judgement);

        var placement = Assert.IsType<PlacementStarted>(EventFactory.ChildCase("placement_started", Fields(("date", "2017-09-04"), ("kind", "long_term_foster"), ("child_agrees", "true"))));
        Assert.Equal(PlacementKind.LongTermFoster, placement.Kind);
        Assert.True(placement.ChildAgreesToFewerVisits);

        var bad = Assert.Throws<DomainValidationException>(() => EventFactory.ChildCase("health_assessment_held", Fields(("date", "2018-01-15"), ("interval_months", "9"))));
        Assert.Equal("interval_months", Assert.Single(bad.Errors).Field);

        var badJudgement = Assert.Throws<DomainValidationException>(() => EventFactory.Oversight("reinspection_outcome", Fields(("date", "2019-06-03"), ("judgement", "satisfactory"))));
        Assert.Equal("judgement", Assert.Single(badJudgement.Errors).Field);
    }

    [Fact]
    public void Every_listed_event_type_parses()
    {
        var fields = Fields(("date", "2018-01-15"), ("judgement", "good"), ("route", "improvement_notice"), ("kind", "standard"), ("interval_months", "12"), ("milestone", "assessment_45wd/1/1"));
        foreach (var type in EventTypes.Oversight)
        {
            Assert.Equal(type, EventFactory.Oversight(type, fields).Type);
        }

        foreach (var type in EventTypes.ChildCase)
        {
            Assert.Equal(type, EventFactory.ChildCase(type, fields).Type);
        }
    }

    [Fact]
    public void An_action_plan_cannot_be_submitted_before_the_report_was_received()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Episode.Apply(new ActionPlanSubmitted(D(2017, 9, 1)), Statutory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("date", error.Field);
        Assert.Contains("before report_received on 2017-09-04", error.Reason);
    }

    [Fact]
    public void A_date_outside_the_calendar_is_a_field_error_not_a_crash()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Episode.Apply(new MonitoringVisitAgreed(D(2051, 1, 6)), Statutory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("date", error.Field);
        Assert.Contains("outside", error.Reason);

        var facts = Episode with { ReportReceived = D(1985, 1, 7) };
        Assert.Contains(OversightFactsValidator.Validate(facts, Statutory), e => e.Field == "ReportReceived");
    }

    [Fact]
    public void Something_that_has_happened_cannot_be_dated_in_the_future_but_an_agreed_visit_can()
    {
        var today = D(2017, 10, 1);
        Assert.Throws<DomainValidationException>(() => Episode.Apply(new MonitoringVisitHeld(D(2017, 12, 13)), Statutory, today));
        var agreed = Episode.Apply(new MonitoringVisitAgreed(D(2017, 12, 13)), Statutory, today);
        Assert.Equal([D(2017, 12, 13)], agreed.MonitoringVisitsAgreed);
    }

    [Fact]
    public void Applying_the_same_event_twice_changes_nothing()
    {
        var once = Episode.Apply(new DfeReviewHeld(D(2018, 3, 2)), Statutory);
        var twice = once.Apply(new DfeReviewHeld(D(2018, 3, 2)), Statutory);
        Assert.Equal([D(2018, 3, 2)], twice.DfeReviewsHeld);
    }

    [Fact]
    public void A_focused_visit_letter_belongs_to_ilacs()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Episode.Apply(new FocusedVisitLetterReceived(D(2017, 9, 10)), Statutory));
        Assert.Contains("ILACS", Assert.Single(ex.Errors).Reason);
        var ilacs = (Episode with { Framework = "ilacs" }).Apply(new FocusedVisitLetterReceived(D(2017, 9, 10)), Statutory);
        Assert.Equal(D(2017, 9, 10), ilacs.FocusedVisitLetterReceived);
    }

    [Fact]
    public void An_icpc_cannot_precede_its_strategy_discussion()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CpCase.Apply(new IcpcHeld(D(2017, 12, 12)), Statutory));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("date", error.Field);
        Assert.Contains("before strategy_discussion on 2017-12-13", error.Reason);
        Assert.Contains("strategy discussion", error.Reason);
    }

    [Fact]
    public void A_review_cannot_precede_the_icpc_but_may_arrive_before_it()
    {
        // The ICPC may simply not have arrived yet: the review is kept.
        var early = CpCase.Apply(new CpReviewHeld(D(2018, 3, 1)), Statutory);
        Assert.Equal([D(2018, 3, 1)], early.ReviewsHeld);
        Assert.Empty(ChildCaseFactsValidator.Validate(early, Statutory));

        var withIcpc = CpCase.Apply(new IcpcHeld(D(2018, 1, 8)), Statutory);
        var ex = Assert.Throws<DomainValidationException>(() => withIcpc.Apply(new CpReviewHeld(D(2018, 1, 5)), Statutory));
        Assert.Contains("before icpc_held on 2018-01-08", Assert.Single(ex.Errors).Reason);
    }

    [Fact]
    public void A_visit_cannot_precede_becoming_looked_after_but_may_arrive_before_its_placement()
    {
        var lac = new ChildCaseFacts { CaseReference = "LAC-1", Type = CaseType.LookedAfter }
            .Apply(new BecameLookedAfter(D(2017, 9, 4)), Statutory)
            .Apply(new PlacementStarted(D(2017, 9, 6), PlacementKind.Standard), Statutory);
        var ex = Assert.Throws<DomainValidationException>(() => lac.Apply(new StatutoryVisitMade(D(2017, 9, 1)), Statutory));
        Assert.Contains("before became_looked_after on 2017-09-04", Assert.Single(ex.Errors).Reason);

        // A visit after the child became looked after but before the one placement known: an earlier placement may
        // not have arrived yet, so the visit is kept.
        Assert.Equal([D(2017, 9, 5)], lac.Apply(new StatutoryVisitMade(D(2017, 9, 5)), Statutory).StatutoryVisitsMade);
        var noPlacement = new ChildCaseFacts { CaseReference = "LAC-2", Type = CaseType.LookedAfter, BecameLookedAfter = D(2017, 9, 4) };
        Assert.Equal([D(2017, 9, 5)], noPlacement.Apply(new StatutoryVisitMade(D(2017, 9, 5)), Statutory).StatutoryVisitsMade);
    }

    [Fact]
    public void Nothing_can_be_recorded_after_the_case_closed()
    {
        var closed = CpCase.Apply(new CaseClosed(D(2017, 12, 20)), Statutory);
        var ex = Assert.Throws<DomainValidationException>(() => closed.Apply(new IcpcHeld(D(2018, 1, 8)), Statutory));
        Assert.Contains("closed", Assert.Single(ex.Errors).Reason);
    }

    [Fact]
    public void Applying_a_list_names_the_failing_event_by_position()
    {
        var ex = Assert.Throws<DomainValidationException>(() => CpCase.ApplyAll([new IcpcHeld(D(2018, 1, 8)), new CpReviewHeld(D(2018, 1, 1))], Statutory));
        Assert.StartsWith("events[1].", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void The_case_reference_is_required()
    {
        var errors = ChildCaseFactsValidator.Validate(CpCase with { CaseReference = " " }, Statutory);
        Assert.Equal("CaseReference", Assert.Single(errors).Field);
    }
}
