using NodaTime;

namespace Scheduler.Domain.Children;

/// <summary>
/// What is known about one child's case, by council case reference only: no name, address or date of birth is
/// ever held. Where a rule depends on age (health review interval, pathway eligibility) the worker records the
/// consequence (the interval, the eligibility date) instead. Lists hold dates in any order.
/// </summary>
public sealed partial record ChildCaseFacts
{
    /// <summary>The council's case reference (not a name).</summary>
    public required string CaseReference { get; init; }

    public required CaseType Type { get; init; }

    /// <summary>The date the referral was received.</summary>
    public LocalDate? ReferralReceived { get; init; }

    /// <summary>The strategy discussion at which section 47 enquiries started (the first, if several).</summary>
    public LocalDate? StrategyDiscussion { get; init; }

    /// <summary>The section 47 start date.</summary>
    public LocalDate? S47Start { get; init; }

    /// <summary>The initial child protection conference.</summary>
    public LocalDate? Icpc { get; init; }

    /// <summary>The date section 47 enquiries concluded that no initial child protection conference is needed.</summary>
    public LocalDate? IcpcNotRequired { get; init; }

    /// <summary>Child protection review conferences held.</summary>
    public IReadOnlyList<LocalDate> ReviewsHeld { get; init; } = [];

    /// <summary>Core group meetings held.</summary>
    public IReadOnlyList<LocalDate> CoreGroupsHeld { get; init; } = [];

    /// <summary>Visits made to the child on a child protection plan.</summary>
    public IReadOnlyList<LocalDate> CpVisitsMade { get; init; } = [];

    /// <summary>The date the child protection plan ended.</summary>
    public LocalDate? PlanEnded { get; init; }

    /// <summary>The date the child became looked after.</summary>
    public LocalDate? BecameLookedAfter { get; init; }

    /// <summary>Placements, each ending when the next starts.</summary>
    public IReadOnlyList<Placement> Placements { get; init; } = [];

    /// <summary>Looked-after reviews held.</summary>
    public IReadOnlyList<LocalDate> LookedAfterReviewsHeld { get; init; } = [];

    /// <summary>Statutory visits made (to a looked-after or privately fostered child).</summary>
    public IReadOnlyList<LocalDate> StatutoryVisitsMade { get; init; } = [];

    /// <summary>Health assessments held.</summary>
    public IReadOnlyList<LocalDate> HealthAssessmentsHeld { get; init; } = [];

    /// <summary>The health review interval chosen by the worker: 6 (under 5) or 12 months.</summary>
    public int HealthReviewIntervalMonths { get; init; } = 12;

    /// <summary>The date the child became an eligible child (16th birthday or later), as entered by the worker.</summary>
    public LocalDate? PathwayEligibleFrom { get; init; }

    /// <summary>The date an independent reviewing officer was appointed.</summary>
    public LocalDate? IroAppointed { get; init; }

    /// <summary>The date the authority became aware of a private fostering arrangement.</summary>
    public LocalDate? PrivateFosteringNotified { get; init; }

    /// <summary>The date a prospective adopter's assessment started.</summary>
    public LocalDate? AdopterAssessmentStarted { get; init; }

    /// <summary>The date a child's death was notified to the child death review partners.</summary>
    public LocalDate? ChildDeathNotified { get; init; }

    /// <summary>The date the case was closed: nothing further falls due.</summary>
    public LocalDate? CaseClosed { get; init; }

    /// <summary>Milestones recorded as done that no specific event covers, keyed by milestone key (for example the assessment).</summary>
    public IReadOnlyDictionary<string, LocalDate> Completed { get; init; } = new Dictionary<string, LocalDate>();
}
