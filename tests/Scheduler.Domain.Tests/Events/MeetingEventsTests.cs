using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// For every rule the table gives an event of its own: a subject where the milestone is open, the event recorded
/// through the wire factory and validated against the recorded ones as the API does, and the same milestone then
/// met on the event's date. The scenarios are written from the rules (docs/rules.md), not from the table.
/// </summary>
public sealed class MeetingEventsTests
{
    private static readonly LocalDate Today = D(2019, 6, 3);
    private static readonly LocalDate Received = D(2017, 9, 4);

    private static readonly AuthorityParameters WithStrategyLimit = AuthorityParameters.Default with { StrategyDiscussionLimitWorkingDays = 5 };

    /// <summary>One scenario: the subject's recorded events, the milestone to meet, and the event date.</summary>
    public sealed record Scenario(
        string Rule,
        bool Episode,
        string Framework,
        (string Type, LocalDate Date, string? Field, string? Value)[] Recorded,
        int Sequence,
        int Cycle,
        LocalDate MetOn,
        string? ChoiceValue = null,
        CaseType CaseType = CaseType.ChildProtection);

    private static (string, LocalDate, string?, string?) E(string type, LocalDate date, string? field = null, string? value = null) => (type, date, field, value);

    private static readonly Scenario[] Scenarios =
    [
        new(RuleIds.LaPublishInspectionReport, true, "sif-2017", [], 1, 1, D(2017, 9, 20)),
        new(RuleIds.ActionPlanningVisitWindow, true, "sif-2017", [], 1, 1, D(2017, 10, 16)),
        new(RuleIds.ActionPlanSubmission, true, "sif-2017", [], 1, 1, D(2017, 12, 11)),
        new(RuleIds.FirstMonitoringVisit, true, "sif-2017", [E(EventTypes.ActionPlanSubmitted, D(2017, 12, 11))], 1, 1, D(2018, 1, 10)),
        // A second visit agreed for Mon 16 Apr 2018 is the first cadence occurrence; held that day, it is met.
        new(RuleIds.MonitoringVisitCadence, true, "sif-2017", [E(EventTypes.MonitoringVisitHeld, D(2018, 1, 10)), E(EventTypes.MonitoringVisitAgreed, D(2018, 4, 16))], 1, 1, D(2018, 4, 16)),
        new(RuleIds.ReinspectionDue, true, "sif-2017", [E(EventTypes.ActionPlanSubmitted, D(2017, 12, 11))], 1, 1, D(2019, 5, 1), "requires_improvement"),
        new(RuleIds.NextOfstedInspectionExpected, true, "sif-2017", [], 1, 1, D(2019, 5, 1), "requires_improvement"),
        new(RuleIds.DfeImprovementPlan, true, "sif-2017", [], 1, 1, D(2017, 11, 20)),
        new(RuleIds.DfeProgressReview, true, "sif-2017", [], 1, 1, D(2018, 3, 5)),
        new(RuleIds.ImprovementBoardMonthly, true, "sif-2017", [], 1, 1, D(2017, 10, 2)),
        new(RuleIds.IlacsActionPlan, true, "ilacs", [], 1, 1, D(2017, 12, 1)),
        new(RuleIds.IlacsDraftPlan, true, "ilacs", [E(EventTypes.FocusedVisitLetterReceived, D(2017, 9, 11))], 1, 1, D(2017, 10, 2)),
        new(RuleIds.IlacsMonitoring, true, "ilacs", [E(EventTypes.MonitoringVisitAgreed, D(2018, 3, 5))], 1, 1, D(2018, 3, 5)),
        new(RuleIds.IlacsAnnualEngagement, true, "ilacs", [], 1, 1, D(2018, 8, 6)),
        new(RuleIds.StrategyDiscussion, false, "", [E(EventTypes.ReferralReceived, D(2017, 9, 4))], 1, 1, D(2017, 9, 6)),
        new(RuleIds.Icpc, false, "", [E(EventTypes.StrategyDiscussion, D(2017, 9, 4))], 1, 1, D(2017, 9, 25)),
        new(RuleIds.CpReviewFirst, false, "", [E(EventTypes.StrategyDiscussion, D(2017, 9, 4)), E(EventTypes.IcpcHeld, D(2017, 9, 25))], 1, 1, D(2017, 12, 18)),
        new(RuleIds.CpReviewSubsequent, false, "", [E(EventTypes.StrategyDiscussion, D(2017, 9, 4)), E(EventTypes.IcpcHeld, D(2017, 9, 25)), E(EventTypes.CpReviewHeld, D(2017, 12, 18))], 1, 1, D(2018, 6, 11)),
        new(RuleIds.CoreGroup, false, "", [E(EventTypes.StrategyDiscussion, D(2017, 9, 4)), E(EventTypes.IcpcHeld, D(2017, 9, 25))], 1, 1, D(2017, 10, 9)),
        new(RuleIds.CpPlanVisits, false, "", [E(EventTypes.StrategyDiscussion, D(2017, 9, 4)), E(EventTypes.IcpcHeld, D(2017, 9, 25))], 1, 1, D(2017, 10, 2)),
        new(RuleIds.LacReviewFirst, false, "", [E(EventTypes.BecameLookedAfter, Received)], 1, 1, D(2017, 9, 29), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacReviewSecond, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.LookedAfterReviewHeld, D(2017, 9, 29))], 1, 1, D(2017, 12, 20), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacReviewSubsequent, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.LookedAfterReviewHeld, D(2017, 9, 29)), E(EventTypes.LookedAfterReviewHeld, D(2017, 12, 20))], 1, 1, D(2018, 6, 18), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacVisitFirst, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.PlacementStarted, Received, "kind", "standard")], 1, 1, D(2017, 9, 8), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacVisitFirstYear, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.PlacementStarted, Received, "kind", "standard"), E(EventTypes.StatutoryVisitMade, D(2017, 9, 8))], 2, 1, D(2017, 10, 16), CaseType: CaseType.LookedAfter),
        // A visit on Mon 10 Sep 2018, after the placement's first year ends (Tue 4 Sep 2018), starts the later cadence.
        new(RuleIds.LacVisitAfterFirstYear, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.PlacementStarted, Received, "kind", "standard"), E(EventTypes.StatutoryVisitMade, D(2017, 9, 8)), E(EventTypes.StatutoryVisitMade, D(2018, 9, 10))], 3, 1, D(2018, 10, 15), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacVisitLongTermFoster, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.PlacementStarted, Received, "kind", "long_term_foster"), E("child_agrees", Received), E(EventTypes.StatutoryVisitMade, D(2017, 9, 8)), E(EventTypes.StatutoryVisitMade, D(2018, 9, 10))], 3, 1, D(2019, 3, 4), CaseType: CaseType.LookedAfter),
        new(RuleIds.LacVisitSpecialCases, false, "", [E(EventTypes.BecameLookedAfter, Received), E(EventTypes.PlacementStarted, Received, "kind", "PlacedWithParentReg19")], 1, 1, D(2017, 9, 8), CaseType: CaseType.LookedAfter),
        new(RuleIds.PrivateFosteringVisits, false, "", [E(EventTypes.PrivateFosteringNotified, Received)], 1, 1, D(2017, 10, 2), CaseType: CaseType.PrivateFostering),
        new(RuleIds.LacHealthAssessment, false, "", [E(EventTypes.BecameLookedAfter, Received)], 1, 1, D(2017, 10, 2), "12", CaseType.LookedAfter),
        new(RuleIds.IroAppointment, false, "", [E(EventTypes.BecameLookedAfter, Received)], 1, 1, D(2017, 9, 11), CaseType: CaseType.LookedAfter),
    ];

    public static TheoryData<string> RulesWithAnEvent() => [.. MeetingEvents.Rules.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_rule_with_an_event_of_its_own_has_a_scenario_here_and_only_known_rules_are_listed()
    {
        Assert.Equal(MeetingEvents.Rules.Keys.Order(StringComparer.Ordinal), Scenarios.Select(s => s.Rule).Order(StringComparer.Ordinal));
        Assert.All(MeetingEvents.Rules.Keys, rule => Assert.NotNull(RuleSets.FindRule(rule)));
    }

    [Theory]
    [MemberData(nameof(RulesWithAnEvent))]
    public void Recording_the_rules_event_meets_the_open_milestone_on_that_date(string rule)
    {
        var s = Scenarios.Single(x => x.Rule == rule);
        var before = Compute(s, null);
        var open = Find(before, s);
        Assert.True(open.Met is null && open.Status is not (MilestoneStatus.Met or MilestoneStatus.MetLate or MilestoneStatus.NotApplicable), $"{rule} is not open before: {open.Status}");

        var meeting = MeetingEvents.For(open);
        Assert.NotNull(meeting);
        Assert.False(meeting.IsCompletion);
        Assert.Equal(s.ChoiceValue is null, meeting.Choice is null);
        if (meeting.Choice is { } choice)
        {
            Assert.Contains(choice.Options, o => o.Value == s.ChoiceValue);
        }

        var fields = new Dictionary<string, string?> { ["date"] = s.MetOn.ToString("uuuu-MM-dd", null) };
        if (meeting.Choice is { } c)
        {
            fields[c.Field] = s.ChoiceValue;
        }

        var met = Find(Compute(s, (meeting.Type, fields)), s);
        Assert.Equal(s.MetOn, met.Met);
    }

    [Fact]
    public void A_rule_without_an_event_of_its_own_is_met_by_completion_naming_its_key()
    {
        // The commissioner's report (E: appointed Mon 6 Nov 2017) has no event of its own.
        var s = new Scenario(RuleIds.CommissionerReport, true, "sif-2017", [E(EventTypes.CommissionerAppointed, D(2017, 11, 6))], 1, 1, D(2018, 2, 1));
        var open = Find(Compute(s, null), s);
        var meeting = MeetingEvents.For(open);
        Assert.Same(MeetingEvents.Completion, meeting);
        var met = Find(Compute(s, (EventTypes.MilestoneCompleted, new() { ["date"] = "2018-02-01", ["milestone"] = open.Key })), s);
        Assert.Equal(D(2018, 2, 1), met.Met);
    }

    [Fact]
    public void Another_bodys_step_that_nothing_records_has_no_meeting_event()
    {
        // Ofsted circulates the action planning visit agenda; the DfE decides on an improvement notice.
        var milestones = Compute(new Scenario(RuleIds.ApvAgendaCirculated, true, "sif-2017", [], 1, 1, Today), null);
        Assert.Null(MeetingEvents.For(milestones.One(RuleIds.ApvAgendaCirculated)));
        Assert.Null(MeetingEvents.For(milestones.One(RuleIds.DfeImprovementNotice)));
        Assert.Null(MeetingEvents.For(milestones.One(RuleIds.ReinspectionDue, step: "planning_alert")));
    }

    [Fact]
    public void Agreeing_the_next_monitoring_visit_answers_the_to_be_agreed_warning()
    {
        // Held Wed 10 Jan 2018 and nothing agreed after it: "next visit to be agreed" three months on.
        var s = new Scenario(RuleIds.MonitoringVisitCadence, true, "sif-2017", [E(EventTypes.ActionPlanSubmitted, D(2017, 12, 11)), E(EventTypes.MonitoringVisitHeld, D(2018, 1, 10))], 1, 1, D(2018, 4, 10));
        var warning = Compute(s, null).Single(m => m.Step == "next_visit_agreed");
        var meeting = MeetingEvents.For(warning);
        Assert.Equal(EventTypes.MonitoringVisitAgreed, meeting?.Type);
        var after = Compute(s, (EventTypes.MonitoringVisitAgreed, new() { ["date"] = "2018-04-16" }));
        Assert.DoesNotContain(after, m => m.Step == "next_visit_agreed");
        Assert.Contains(after, m => m.Rule == RuleIds.MonitoringVisitCadence && m.Due == D(2018, 4, 16));
    }

    private static Milestone Find(IReadOnlyList<Milestone> milestones, Scenario s) => milestones.One(s.Rule, s.Sequence, cycle: s.Cycle);

    private static IReadOnlyList<Milestone> Compute(Scenario s, (string Type, Dictionary<string, string?> Fields)? candidate)
    {
        var recorded = new List<(string Type, Dictionary<string, string?> Fields)>();
        foreach (var (type, date, field, value) in s.Recorded)
        {
            if (type == "child_agrees")
            {
                // A flag on the placement just recorded, not an event of its own.
                recorded[^1].Fields["child_agrees"] = "true";
                continue;
            }

            var fields = new Dictionary<string, string?> { ["date"] = date.ToString("uuuu-MM-dd", null) };
            if (field is not null)
            {
                fields[field] = value;
            }

            recorded.Add((type, fields));
        }

        if (s.Episode)
        {
            var facts = new OversightFacts { ReportReceived = Received, ReportPublished = s.Rule == RuleIds.LaPublishInspectionReport ? null : Received, Framework = s.Framework };
            var events = recorded.Select(e => EventFactory.Oversight(e.Type, e.Fields)).ToList();
            var built = candidate is { } c
                ? OversightFacts.FromEvents(facts, events, EventFactory.Oversight(c.Type, c.Fields), Statutory, Today)
                : OversightFacts.FromEvents(facts, events, Statutory, Today);
            return OversightCalendar.Compute(built, AuthorityParameters.Default, Statutory, Statutory, Today);
        }

        var caseFacts = new ChildCaseFacts { CaseReference = "CASE-1", Type = s.CaseType };
        var caseEvents = recorded.Select(e => EventFactory.ChildCase(e.Type, e.Fields)).ToList();
        var caseBuilt = candidate is { } cc
            ? ChildCaseFacts.FromEvents(caseFacts, caseEvents, EventFactory.ChildCase(cc.Type, cc.Fields), Statutory, Today)
            : ChildCaseFacts.FromEvents(caseFacts, caseEvents, Statutory, Today);
        return ChildCaseCalendar.Compute(caseBuilt, WithStrategyLimit, Statutory, Statutory, Today);
    }
}
