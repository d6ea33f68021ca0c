using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Events;

/// <summary>
/// Which event meets a milestone, as data: the one the calendars read as the milestone's actual date (a review
/// conference held meets the review conference that was due, and starts the clock of the next one). A milestone
/// whose rule has no such event of its own is met by <c>milestone_completed</c> naming its key; another body's step
/// that nothing records as done (<see cref="Milestone.Informational"/>) has none.
/// </summary>
public static class MeetingEvents
{
    /// <summary>The generic completion, for milestones whose rule has no event of its own.</summary>
    public static MeetingEvent Completion { get; } = new(EventTypes.MilestoneCompleted, "Done on");

    private static readonly MeetingEvent MonitoringVisitHeld = new(EventTypes.MonitoringVisitHeld, "Monitoring visit held (its first on-site day) on");

    private static readonly MeetingEvent ActionPlanSubmitted = new(EventTypes.ActionPlanSubmitted, "Written statement of action (action plan) submitted on");

    private static readonly MeetingEvent Reinspection = new(
        EventTypes.ReinspectionOutcome,
        "Re-inspection report received on",
        new MeetingChoice("judgement", "Ofsted's judgement", [
            new("inadequate", "Inadequate"),
            new("requires_improvement", "Requires improvement to be good"),
            new("good", "Good"),
            new("outstanding", "Outstanding"),
        ]));

    private static readonly MeetingEvent CpReviewHeld = new(EventTypes.CpReviewHeld, "Review conference held on");

    private static readonly MeetingEvent LookedAfterReviewHeld = new(EventTypes.LookedAfterReviewHeld, "Looked-after review held on");

    private static readonly MeetingEvent StatutoryVisitMade = new(EventTypes.StatutoryVisitMade, "Statutory visit made on");

    private static readonly Dictionary<string, MeetingEvent> ByRule = new(StringComparer.Ordinal)
    {
        [RuleIds.LaPublishInspectionReport] = new(EventTypes.ReportPublished, "Inspection report published on"),
        [RuleIds.ActionPlanningVisitWindow] = new(EventTypes.ActionPlanningVisitHeld, "Action planning visit held on"),
        [RuleIds.ActionPlanSubmission] = ActionPlanSubmitted,
        [RuleIds.IlacsActionPlan] = ActionPlanSubmitted,
        [RuleIds.IlacsDraftPlan] = new(EventTypes.DraftActionPlanSubmitted, "Draft action plan sent on"),
        [RuleIds.FirstMonitoringVisit] = MonitoringVisitHeld,
        [RuleIds.MonitoringVisitCadence] = MonitoringVisitHeld,
        [RuleIds.IlacsMonitoring] = MonitoringVisitHeld,
        [RuleIds.IlacsAnnualEngagement] = new(EventTypes.AnnualEngagementMeetingHeld, "Annual engagement meeting held on"),
        [RuleIds.ReinspectionDue] = Reinspection,
        [RuleIds.NextOfstedInspectionExpected] = Reinspection,
        [RuleIds.DfeImprovementPlan] = new(EventTypes.ImprovementPlanApproved, "Improvement plan approved on"),
        [RuleIds.DfeProgressReview] = new(EventTypes.DfeReviewHeld, "DfE progress review held on"),
        [RuleIds.ImprovementBoardMonthly] = new(EventTypes.ImprovementBoardHeld, "Improvement board meeting held on"),
        [RuleIds.StrategyDiscussion] = new(EventTypes.StrategyDiscussion, "Strategy discussion held on"),
        [RuleIds.Icpc] = new(EventTypes.IcpcHeld, "Initial child protection conference held on"),
        [RuleIds.CpReviewFirst] = CpReviewHeld,
        [RuleIds.CpReviewSubsequent] = CpReviewHeld,
        [RuleIds.CoreGroup] = new(EventTypes.CoreGroupHeld, "Core group meeting held on"),
        [RuleIds.CpPlanVisits] = new(EventTypes.CpVisitMade, "Visit to the child made on"),
        [RuleIds.LacReviewFirst] = LookedAfterReviewHeld,
        [RuleIds.LacReviewSecond] = LookedAfterReviewHeld,
        [RuleIds.LacReviewSubsequent] = LookedAfterReviewHeld,
        [RuleIds.LacVisitFirst] = StatutoryVisitMade,
        [RuleIds.LacVisitFirstYear] = StatutoryVisitMade,
        [RuleIds.LacVisitAfterFirstYear] = StatutoryVisitMade,
        [RuleIds.LacVisitLongTermFoster] = StatutoryVisitMade,
        [RuleIds.LacVisitSpecialCases] = StatutoryVisitMade,
        [RuleIds.PrivateFosteringVisits] = new(EventTypes.StatutoryVisitMade, "Visit to the child made on"),
        [RuleIds.LacHealthAssessment] = new(
            EventTypes.HealthAssessmentHeld,
            "Health assessment held on",
            new MeetingChoice("interval_months", "The next one is due in", [
                new("6", "6 months (the child is under 5)"),
                new("12", "12 months (the child is 5 or over)"),
            ])),
        [RuleIds.IroAppointment] = new(EventTypes.IroAppointed, "Independent reviewing officer appointed on"),
    };

    // Steps whose meeting differs from their rule's: agreeing the next visit answers the "to be agreed" warning,
    // and the re-inspection planning reminder is a heads-up that nothing records.
    private static readonly Dictionary<(string Rule, string Step), MeetingEvent?> ByStep = new()
    {
        [(RuleIds.MonitoringVisitCadence, "next_visit_agreed")] = new(EventTypes.MonitoringVisitAgreed, "Next monitoring visit agreed with Ofsted for (its first on-site day)"),
        [(RuleIds.ReinspectionDue, "planning_alert")] = null,
    };

    /// <summary>The rules with an event of their own, by rule id.</summary>
    public static IReadOnlyDictionary<string, MeetingEvent> Rules => ByRule;

    /// <summary>
    /// The event that meets <paramref name="milestone"/>: its rule's (or step's) own event, else
    /// <see cref="Completion"/>; null for another body's step that nothing records as done.
    /// </summary>
    public static MeetingEvent? For(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        if (milestone.Step is { } step && ByStep.TryGetValue((milestone.Rule, step), out var byStep))
        {
            return byStep;
        }

        if (ByRule.TryGetValue(milestone.Rule, out var byRule))
        {
            return byRule;
        }

        return milestone.Informational ? null : Completion;
    }
}

/// <summary>An event that meets a milestone, as a form asks for it: its type and the words before its date.</summary>
/// <param name="Type">The event type (<see cref="EventTypes"/>).</param>
/// <param name="Prompt">What the date is, in words: "Review conference held on".</param>
/// <param name="Choice">A second field the event needs (a judgement, an interval), or null.</param>
public sealed record MeetingEvent(string Type, string Prompt, MeetingChoice? Choice = null)
{
    /// <summary>Whether this is the generic completion, which names the milestone's key.</summary>
    public bool IsCompletion => Type == EventTypes.MilestoneCompleted;
}

/// <summary>A field with fixed answers that a meeting event needs beside its date.</summary>
/// <param name="Field">The event field (for example <c>judgement</c>).</param>
/// <param name="Question">The label.</param>
/// <param name="Options">The accepted values with their words.</param>
public sealed record MeetingChoice(string Field, string Question, IReadOnlyList<MeetingOption> Options);

/// <summary>One accepted value of a <see cref="MeetingChoice"/>.</summary>
/// <param name="Value">As the event carries it.</param>
/// <param name="Label">As the form shows it.</param>
public sealed record MeetingOption(string Value, string Label);
