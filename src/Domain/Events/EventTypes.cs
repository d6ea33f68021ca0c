namespace Scheduler.Domain.Events;

/// <summary>The snake_case event type names used by the HTTP API and the case-events queue.</summary>
public static class EventTypes
{
    // Oversight episode events.
    public const string ReportPublished = "report_published";
    public const string FocusedVisitLetterReceived = "focused_visit_letter_received";
    public const string ActionPlanningVisitHeld = "action_planning_visit_held";
    public const string DraftActionPlanSubmitted = "draft_action_plan_submitted";
    public const string ActionPlanSubmitted = "action_plan_submitted";
    public const string MonitoringVisitAgreed = "monitoring_visit_agreed";
    public const string MonitoringVisitHeld = "monitoring_visit_held";
    public const string CommissionerAppointed = "commissioner_appointed";
    public const string InterventionRouteRecorded = "intervention_route_recorded";
    public const string DfeReviewHeld = "dfe_review_held";
    public const string ImprovementBoardHeld = "improvement_board_held";
    public const string InterimArrangementStarted = "interim_arrangement_started";
    public const string ImprovementPlanApproved = "improvement_plan_approved";
    public const string CapacityFindingRecorded = "capacity_finding_recorded";
    public const string AnnualEngagementMeetingHeld = "annual_engagement_meeting_held";
    public const string ReinspectionFieldworkStarted = "reinspection_fieldwork_started";
    public const string ReinspectionOutcome = "reinspection_outcome";

    // Child case events.
    public const string ReferralReceived = "referral_received";
    public const string StrategyDiscussion = "strategy_discussion";
    public const string S47Started = "s47_started";
    public const string IcpcHeld = "icpc_held";
    public const string IcpcNotRequired = "icpc_not_required";
    public const string CpReviewHeld = "cp_review_held";
    public const string CoreGroupHeld = "core_group_held";
    public const string CpVisitMade = "cp_visit_made";
    public const string CpPlanEnded = "cp_plan_ended";
    public const string BecameLookedAfter = "became_looked_after";
    public const string PlacementStarted = "placement_started";
    public const string LookedAfterReviewHeld = "looked_after_review_held";
    public const string StatutoryVisitMade = "statutory_visit_made";
    public const string HealthAssessmentHeld = "health_assessment_held";
    public const string IroAppointed = "iro_appointed";
    public const string PathwayEligibilityRecorded = "pathway_eligibility_recorded";
    public const string PrivateFosteringNotified = "private_fostering_notified";
    public const string AdopterAssessmentStarted = "adopter_assessment_started";
    public const string ChildDeathNotified = "child_death_notified";
    public const string CaseClosed = "case_closed";

    // Both.
    public const string MilestoneCompleted = "milestone_completed";

    /// <summary>Every oversight episode event type.</summary>
    public static IReadOnlyList<string> Oversight { get; } =
    [
        ReportPublished, FocusedVisitLetterReceived, ActionPlanningVisitHeld, DraftActionPlanSubmitted, ActionPlanSubmitted,
        MonitoringVisitAgreed, MonitoringVisitHeld, CommissionerAppointed, InterventionRouteRecorded, DfeReviewHeld,
        ImprovementBoardHeld, InterimArrangementStarted, ImprovementPlanApproved, CapacityFindingRecorded,
        AnnualEngagementMeetingHeld, ReinspectionFieldworkStarted, ReinspectionOutcome, MilestoneCompleted,
    ];

    /// <summary>Every child case event type.</summary>
    public static IReadOnlyList<string> ChildCase { get; } =
    [
        ReferralReceived, StrategyDiscussion, S47Started, IcpcHeld, IcpcNotRequired, CpReviewHeld, CoreGroupHeld, CpVisitMade, CpPlanEnded,
        BecameLookedAfter, PlacementStarted, LookedAfterReviewHeld, StatutoryVisitMade, HealthAssessmentHeld, IroAppointed,
        PathwayEligibilityRecorded, PrivateFosteringNotified, AdopterAssessmentStarted, ChildDeathNotified, CaseClosed,
        MilestoneCompleted,
    ];
}
