namespace Scheduler.Domain.Rules;

/// <summary>What kind of bound a rule's date is.</summary>
public enum BoundKind
{
    /// <summary>A latest date.</summary>
    Deadline,

    /// <summary>An inclusive window: earliest and latest dates.</summary>
    Window,

    /// <summary>A repeating series of due dates.</summary>
    Cadence,

    /// <summary>The date an arrangement expires unless renewed.</summary>
    Expiry,

    /// <summary>The end of a period (support, horizon) rather than something to be done.</summary>
    Period,

    /// <summary>Something to track with no computable date ("as soon as possible").</summary>
    OpenItem,

    /// <summary>A condition to flag, not a date.</summary>
    Flag,
}
