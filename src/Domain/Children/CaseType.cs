namespace Scheduler.Domain.Children;

/// <summary>What kind of child-level case a timeline follows.</summary>
public enum CaseType
{
    /// <summary>A referral at the front door: decision and assessment.</summary>
    Referral,

    /// <summary>Section 47 enquiries and a child protection plan.</summary>
    ChildProtection,

    /// <summary>A looked-after child.</summary>
    LookedAfter,

    /// <summary>A privately fostered child.</summary>
    PrivateFostering,

    /// <summary>A prospective adopter's assessment.</summary>
    AdopterAssessment,

    /// <summary>A child death review.</summary>
    ChildDeathReview,
}
