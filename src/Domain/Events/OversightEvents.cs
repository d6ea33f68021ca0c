using NodaTime;
using Scheduler.Domain.Oversight;

namespace Scheduler.Domain.Events;

/// <summary>An event of an oversight episode.</summary>
public abstract record OversightEvent(LocalDate Date) : DomainEvent(Date);

/// <summary>The inspection report was published.</summary>
public sealed record ReportPublished(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ReportPublished;
}

/// <summary>ILACS: a focused-visit letter with areas for priority action was received.</summary>
public sealed record FocusedVisitLetterReceived(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.FocusedVisitLetterReceived;
}

/// <summary>The action planning visit took place.</summary>
public sealed record ActionPlanningVisitHeld(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ActionPlanningVisitHeld;
}

/// <summary>ILACS: the early draft action plan was sent.</summary>
public sealed record DraftActionPlanSubmitted(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.DraftActionPlanSubmitted;
}

/// <summary>The written statement of action (action plan) was submitted.</summary>
public sealed record ActionPlanSubmitted(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ActionPlanSubmitted;
}

/// <summary>A monitoring visit's first on-site day was agreed with Ofsted (may be in the future).</summary>
public sealed record MonitoringVisitAgreed(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.MonitoringVisitAgreed;

    public override bool IsPast => false;
}

/// <summary>A monitoring visit took place (its first on-site day).</summary>
public sealed record MonitoringVisitHeld(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.MonitoringVisitHeld;
}

/// <summary>A children's services commissioner was appointed.</summary>
public sealed record CommissionerAppointed(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.CommissionerAppointed;
}

/// <summary>The DfE route was decided (improvement notice, or direction and commissioner).</summary>
public sealed record InterventionRouteRecorded(LocalDate Date, InterventionRoute Route) : OversightEvent(Date)
{
    public override string Type => EventTypes.InterventionRouteRecorded;
}

/// <summary>A DfE progress review took place.</summary>
public sealed record DfeReviewHeld(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.DfeReviewHeld;
}

/// <summary>The Improvement Board met.</summary>
public sealed record ImprovementBoardHeld(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ImprovementBoardHeld;
}

/// <summary>An interim arrangement (for example the DCS's span of control) started.</summary>
public sealed record InterimArrangementStarted(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.InterimArrangementStarted;
}

/// <summary>The improvement plan was approved.</summary>
public sealed record ImprovementPlanApproved(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ImprovementPlanApproved;
}

/// <summary>A commissioner or review found the authority lacks the capacity to improve.</summary>
public sealed record CapacityFindingRecorded(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.CapacityFindingRecorded;
}

/// <summary>ILACS: the annual engagement meeting took place.</summary>
public sealed record AnnualEngagementMeetingHeld(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.AnnualEngagementMeetingHeld;
}

/// <summary>Re-inspection fieldwork starts (Day 1); known from the notice, so it may be in the future.</summary>
public sealed record ReinspectionFieldworkStarted(LocalDate Date) : OversightEvent(Date)
{
    public override string Type => EventTypes.ReinspectionFieldworkStarted;

    public override bool IsPast => false;
}

/// <summary>The re-inspection report was received with this judgement.</summary>
public sealed record ReinspectionOutcomeRecorded(LocalDate Date, Judgement Judgement) : OversightEvent(Date)
{
    public override string Type => EventTypes.ReinspectionOutcome;
}

/// <summary>A milestone that no specific event covers was done, named by its key.</summary>
public sealed record OversightMilestoneCompleted(LocalDate Date, string MilestoneKey) : OversightEvent(Date)
{
    public override string Type => EventTypes.MilestoneCompleted;
}
