namespace Scheduler.Domain.Children;

/// <summary>The kind of placement, which sets the statutory visit frequency.</summary>
public enum PlacementKind
{
    /// <summary>Any placement not listed below: 1 week, then 6 weeks, after the first year still 6 weeks.</summary>
    Standard,

    /// <summary>Intended to last until the child is 18: after the first year, 3 months.</summary>
    IntendedUntil18,

    /// <summary>A long-term foster placement: 6 months after a year if the child agrees, else as intended until 18.</summary>
    LongTermFoster,

    /// <summary>Placed with a parent before the assessment is complete (reg 19): weekly until the first review, then 6 weeks.</summary>
    PlacedWithParentReg19,

    /// <summary>Connected person with temporary approval (reg 24): weekly until the first review, then 4 weeks.</summary>
    ConnectedPersonReg24,

    /// <summary>Interim care order, living with a parent: weekly until the first review, then 4 weeks.</summary>
    InterimCareOrderWithParent,

    /// <summary>Care order, living with a parent: within a week of the order, then 6 weeks.</summary>
    CareOrderWithParent,

    /// <summary>Short breaks: visit intervals are agreed with the IRO, not computed.</summary>
    ShortBreaks,
}
