namespace Scheduler.Domain.Alerts;

/// <summary>What an alert is about: an authority's oversight episode or a child's case (by council case reference only).</summary>
public enum SubjectKind
{
    /// <summary>An oversight episode of an authority (an inspection and what follows it).</summary>
    Episode,

    /// <summary>A child's case, known only by the council's case reference.</summary>
    Case,
}
