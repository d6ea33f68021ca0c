namespace Scheduler.Domain.Rules;

/// <summary>The unit a rule's offset is counted in (spec primitives P2, P4, P5).</summary>
public enum OffsetUnit
{
    /// <summary>Working days: the trigger is day 0 and is never counted.</summary>
    WorkingDays,

    /// <summary>Calendar days.</summary>
    CalendarDays,

    /// <summary>Weeks of seven calendar days.</summary>
    Weeks,

    /// <summary>Calendar months: same day of the month, clamped to the end of a short month.</summary>
    Months,

    /// <summary>Calendar years: same day and month, 29 February clamped to 28 February.</summary>
    Years,
}
