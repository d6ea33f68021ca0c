using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Oversight;

/// <summary>
/// What is known about one oversight episode (an inadequate judgement and what follows): the trigger dates and
/// the actual dates of events so far. Lists hold dates in any order; the calendar sorts them.
/// </summary>
public sealed partial record OversightFacts
{
    /// <summary>The date the authority received the inspection report: the statutory clock starts here.</summary>
    public required LocalDate ReportReceived { get; init; }

    /// <summary>The date the report was published (kept apart from receipt); DfE rules count from it when known.</summary>
    public LocalDate? ReportPublished { get; init; }

    /// <summary>The rule set: <c>sif-2017</c> (default) or <c>ilacs</c>.</summary>
    public string Framework { get; init; } = RuleSets.Sif2017Id;

    /// <summary>ILACS: the date a focused-visit letter with areas for priority action was received.</summary>
    public LocalDate? FocusedVisitLetterReceived { get; init; }

    /// <summary>The date of the action planning visit.</summary>
    public LocalDate? ActionPlanningVisit { get; init; }

    /// <summary>ILACS: the date the early draft action plan was sent.</summary>
    public LocalDate? DraftActionPlanSubmitted { get; init; }

    /// <summary>The date the written statement of action (action plan) was submitted.</summary>
    public LocalDate? ActionPlanSubmitted { get; init; }

    /// <summary>First on-site days of monitoring visits agreed with Ofsted (held or not).</summary>
    public IReadOnlyList<LocalDate> MonitoringVisitsAgreed { get; init; } = [];

    /// <summary>First on-site days of monitoring visits held.</summary>
    public IReadOnlyList<LocalDate> MonitoringVisitsHeld { get; init; } = [];

    /// <summary>The date a commissioner was appointed, if one was.</summary>
    public LocalDate? CommissionerAppointed { get; init; }

    /// <summary>The DfE route; <see cref="InterventionRoute.Unknown"/> infers it from a commissioner's appointment.</summary>
    public InterventionRoute Route { get; init; } = InterventionRoute.Unknown;

    /// <summary>The dates of DfE progress reviews held.</summary>
    public IReadOnlyList<LocalDate> DfeReviewsHeld { get; init; } = [];

    /// <summary>The dates of Improvement Board meetings held.</summary>
    public IReadOnlyList<LocalDate> ImprovementBoardMeetings { get; init; } = [];

    /// <summary>Start dates of interim arrangements (each expires after the authority's interim period).</summary>
    public IReadOnlyList<LocalDate> InterimArrangementStarts { get; init; } = [];

    /// <summary>The date the improvement plan was approved (starts the plan horizon; meets the DfE plan target).</summary>
    public LocalDate? ImprovementPlanApproved { get; init; }

    /// <summary>The date of a finding that the authority lacks the capacity to improve.</summary>
    public LocalDate? CapacityFinding { get; init; }

    /// <summary>ILACS: the dates of annual engagement meetings held.</summary>
    public IReadOnlyList<LocalDate> AnnualEngagementMeetings { get; init; } = [];

    /// <summary>The first day of re-inspection fieldwork, once known.</summary>
    public LocalDate? ReinspectionFieldworkStart { get; init; }

    /// <summary>The re-inspection's report and judgement, once received.</summary>
    public ReinspectionOutcome? Reinspection { get; init; }

    /// <summary>
    /// Milestones recorded as done that no specific event covers, keyed by <see cref="Milestones.Milestone.Key"/>
    /// (for example the commissioner's report).
    /// </summary>
    public IReadOnlyDictionary<string, LocalDate> Completed { get; init; } = new Dictionary<string, LocalDate>();
}
