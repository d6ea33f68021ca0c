namespace Scheduler.Domain.Rules;

/// <summary>How a rule repeats (spec primitive P8).</summary>
public enum RepeatMode
{
    /// <summary>One occurrence per trigger.</summary>
    Once,

    /// <summary>Each occurrence is due a fixed interval after the previous actual event.</summary>
    FromPreviousActual,

    /// <summary>Occurrences fall at multiples of the interval from the trigger, whatever the actual dates.</summary>
    FixedCadence,
}
