using NodaTime;
using Scheduler.Domain.Children;

namespace Scheduler.Domain.Events;

/// <summary>An event of a child's case.</summary>
public abstract record ChildCaseEvent(LocalDate Date) : DomainEvent(Date);

/// <summary>A referral was received.</summary>
public sealed record ReferralReceived(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.ReferralReceived;
}

/// <summary>The strategy discussion at which section 47 enquiries started.</summary>
public sealed record StrategyDiscussionHeld(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.StrategyDiscussion;
}

/// <summary>Section 47 enquiries started.</summary>
public sealed record S47Started(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.S47Started;
}

/// <summary>The initial child protection conference took place.</summary>
public sealed record IcpcHeld(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.IcpcHeld;
}

/// <summary>A child protection review conference took place.</summary>
public sealed record CpReviewHeld(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.CpReviewHeld;
}

/// <summary>A core group met.</summary>
public sealed record CoreGroupHeld(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.CoreGroupHeld;
}

/// <summary>A visit to a child on a child protection plan was made.</summary>
public sealed record CpVisitMade(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.CpVisitMade;
}

/// <summary>The child protection plan ended.</summary>
public sealed record CpPlanEnded(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.CpPlanEnded;
}

/// <summary>The child became looked after.</summary>
public sealed record BecameLookedAfter(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.BecameLookedAfter;
}

/// <summary>A placement started.</summary>
public sealed record PlacementStarted(LocalDate Date, PlacementKind Kind, bool ChildAgreesToFewerVisits = false) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.PlacementStarted;
}

/// <summary>A looked-after review took place.</summary>
public sealed record LookedAfterReviewHeld(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.LookedAfterReviewHeld;
}

/// <summary>A statutory visit was made.</summary>
public sealed record StatutoryVisitMade(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.StatutoryVisitMade;
}

/// <summary>A health assessment took place; the worker records the interval to the next (6 or 12 months).</summary>
public sealed record HealthAssessmentHeld(LocalDate Date, int NextIntervalMonths) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.HealthAssessmentHeld;
}

/// <summary>An independent reviewing officer was appointed.</summary>
public sealed record IroAppointed(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.IroAppointed;
}

/// <summary>The worker recorded the date the child became an eligible child (no date of birth is stored).</summary>
public sealed record PathwayEligibilityRecorded(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.PathwayEligibilityRecorded;

    public override bool IsPast => false;
}

/// <summary>The authority became aware of a private fostering arrangement.</summary>
public sealed record PrivateFosteringNotified(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.PrivateFosteringNotified;
}

/// <summary>A prospective adopter's assessment started.</summary>
public sealed record AdopterAssessmentStarted(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.AdopterAssessmentStarted;
}

/// <summary>A child's death was notified to the child death review partners.</summary>
public sealed record ChildDeathNotified(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.ChildDeathNotified;
}

/// <summary>The case was closed.</summary>
public sealed record CaseClosed(LocalDate Date) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.CaseClosed;
}

/// <summary>A milestone that no specific event covers was done, named by its key.</summary>
public sealed record CaseMilestoneCompleted(LocalDate Date, string MilestoneKey) : ChildCaseEvent(Date)
{
    public override string Type => EventTypes.MilestoneCompleted;
}
