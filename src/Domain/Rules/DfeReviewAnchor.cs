namespace Scheduler.Domain.Rules;

/// <summary>How the DfE's six-monthly reviews are anchored (the "every six months" ambiguity).</summary>
public enum DfeReviewAnchor
{
    /// <summary>Every six months from the inadequate report's publication, whatever the actual dates (default).</summary>
    FixedCadence,

    /// <summary>Six months from the previous actual review.</summary>
    PreviousActual,
}
