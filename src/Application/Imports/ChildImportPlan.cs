using Scheduler.Domain.Milestones;
using Scheduler.Returns;

namespace Scheduler.Application.Imports;

/// <summary>
/// What importing one child's case comes to against the case as read: the outcome, the row to write (null when
/// nothing is to be written), the events added and already present, the conflicts or the refusal, and the due dates.
/// </summary>
internal sealed record ChildImportPlan
{
    public required ImportedCase Imported { get; init; }

    public required CaseImportOutcome Outcome { get; init; }

    /// <summary>The case as it is to be stored; null when nothing is written (unchanged, conflict, refused).</summary>
    public SubjectRecord? Next { get; init; }

    public IReadOnlyList<ImportedEvent> Added { get; init; } = [];

    public IReadOnlyList<ImportedEvent> Present { get; init; } = [];

    public IReadOnlyList<ImportConflict> Conflicts { get; init; } = [];

    /// <summary>Why the child was refused (an event the domain will not take beside the stored ones), or null.</summary>
    public ImportProblem? Problem { get; init; }

    /// <summary>The case's due dates after the import (or as stored, when nothing is written).</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];
}
