using Scheduler.Domain.Validation;
using T = Scheduler.Domain.Events.EventTypes;

namespace Scheduler.Domain.Oversight;

/// <summary>
/// The date-order rules of an oversight episode, as data, and the episode's facts seen as dated facts of those
/// kinds: the report's receipt (a base fact, <see cref="ReportReceived"/>) comes before what follows from it.
/// </summary>
internal static class OversightDateOrder
{
    /// <summary>The kind of the report's receipt, which no event records (the episode starts with it).</summary>
    public const string ReportReceived = "report_received";

    private const string AfterReport = "cannot be before the report was received";

    /// <summary>The rules.</summary>
    public static OrderRules Rules { get; } = new(
    [
        new(T.ReportPublished, ReportReceived, $"the report's publication {AfterReport}"),
        new(T.ActionPlanningVisitHeld, ReportReceived, $"the action planning visit {AfterReport}"),
        new(T.DraftActionPlanSubmitted, ReportReceived, $"the early draft action plan {AfterReport}"),
        new(T.ActionPlanSubmitted, ReportReceived, $"the written statement of action {AfterReport}"),
        new(T.MonitoringVisitAgreed, ReportReceived, $"a monitoring visit {AfterReport}"),
        new(T.MonitoringVisitHeld, ReportReceived, $"a monitoring visit {AfterReport}"),
        new(T.CommissionerAppointed, ReportReceived, $"a commissioner's appointment {AfterReport}"),
        new(T.DfeReviewHeld, ReportReceived, $"a DfE progress review {AfterReport}"),
        new(T.ImprovementPlanApproved, ReportReceived, $"the improvement plan's approval {AfterReport}"),
        new(T.CapacityFindingRecorded, ReportReceived, $"a capacity finding {AfterReport}"),
        new(T.AnnualEngagementMeetingHeld, ReportReceived, $"an annual engagement meeting {AfterReport}"),
        new(T.ReinspectionFieldworkStarted, ReportReceived, $"re-inspection fieldwork {AfterReport}"),
        new(T.ReinspectionOutcome, ReportReceived, $"the re-inspection report {AfterReport}"),
        new(T.ReinspectionOutcome, T.ReinspectionFieldworkStarted, "the re-inspection report cannot be received before its fieldwork started"),
        new(T.DraftActionPlanSubmitted, T.FocusedVisitLetterReceived, "the early draft action plan cannot be sent before the focused-visit letter"),
    ]);

    /// <summary>The episode's dates as dated facts, each of the event type that records it and named by its field.</summary>
    public static IEnumerable<DatedFact> Of(OversightFacts facts)
    {
        var list = new DatedFactList()
            .One(ReportReceived, nameof(facts.ReportReceived), facts.ReportReceived)
            .One(T.ReportPublished, nameof(facts.ReportPublished), facts.ReportPublished)
            .One(T.FocusedVisitLetterReceived, nameof(facts.FocusedVisitLetterReceived), facts.FocusedVisitLetterReceived)
            .One(T.ActionPlanningVisitHeld, nameof(facts.ActionPlanningVisit), facts.ActionPlanningVisit)
            .One(T.DraftActionPlanSubmitted, nameof(facts.DraftActionPlanSubmitted), facts.DraftActionPlanSubmitted)
            .One(T.ActionPlanSubmitted, nameof(facts.ActionPlanSubmitted), facts.ActionPlanSubmitted)
            .Many(T.MonitoringVisitAgreed, nameof(facts.MonitoringVisitsAgreed), facts.MonitoringVisitsAgreed)
            .Many(T.MonitoringVisitHeld, nameof(facts.MonitoringVisitsHeld), facts.MonitoringVisitsHeld)
            .One(T.CommissionerAppointed, nameof(facts.CommissionerAppointed), facts.CommissionerAppointed)
            .Many(T.DfeReviewHeld, nameof(facts.DfeReviewsHeld), facts.DfeReviewsHeld)
            .Many(T.ImprovementBoardHeld, nameof(facts.ImprovementBoardMeetings), facts.ImprovementBoardMeetings)
            .Many(T.InterimArrangementStarted, nameof(facts.InterimArrangementStarts), facts.InterimArrangementStarts)
            .One(T.ImprovementPlanApproved, nameof(facts.ImprovementPlanApproved), facts.ImprovementPlanApproved)
            .One(T.CapacityFindingRecorded, nameof(facts.CapacityFinding), facts.CapacityFinding)
            .Many(T.AnnualEngagementMeetingHeld, nameof(facts.AnnualEngagementMeetings), facts.AnnualEngagementMeetings)
            .One(T.ReinspectionFieldworkStarted, nameof(facts.ReinspectionFieldworkStart), facts.ReinspectionFieldworkStart)
            .One(T.ReinspectionOutcome, "Reinspection.ReportReceived", facts.Reinspection?.ReportReceived);
        foreach (var (key, date) in facts.Completed)
        {
            list.One(T.MilestoneCompleted, $"{nameof(facts.Completed)}[{key}]", date);
        }

        return list;
    }
}
