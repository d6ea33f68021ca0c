using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>
/// An oversight episode or a child's case as stored: the single source of truth for the subject (facts, recorded
/// events and the milestones computed from them), written with one conditional operation. The due-date index is
/// derived from it.
/// </summary>
public sealed record SubjectRecord
{
    public required string Authority { get; init; }

    public required SubjectKind Kind { get; init; }

    /// <summary>The episode id or the council case reference.</summary>
    public required string Id { get; init; }

    /// <summary>Episodes: the rule set (framework) id, for example <c>sif-2017</c>. Cases: the case type, <c>CP</c> or <c>LAC</c>.</summary>
    public required string Variant { get; init; }

    /// <summary>The facts as validated JSON (an object); the application layer maps them to the domain.</summary>
    public required JsonElement Facts { get; init; }

    /// <summary>Events in the order they were recorded.</summary>
    public IReadOnlyList<RecordedEvent> Events { get; init; } = [];

    /// <summary>Cases: the assigned IRO, conference chair and team manager by role (emails, never names).</summary>
    public IReadOnlyDictionary<Role, string> Assignees { get; init; } = new Dictionary<Role, string>();

    /// <summary>The milestones computed at the last write.</summary>
    public IReadOnlyList<StoredMilestone> Milestones { get; init; } = [];

    /// <summary>The due-index keys (<see cref="DueIndexKey.Compact"/>) of this version's open milestones.</summary>
    public IReadOnlyList<string> IndexKeys { get; init; } = [];

    /// <summary>Keys the previous version had and this one does not: index rows to delete.</summary>
    public IReadOnlyList<string> RetiredIndexKeys { get; init; } = [];

    /// <summary>1 on creation, +1 on every write.</summary>
    public long Version { get; init; }

    public Instant CreatedAt { get; init; }

    public Instant UpdatedAt { get; init; }

    /// <summary>
    /// The audit entry of this version's change, written on the row in the same conditional write, so the audit row
    /// can be (re)written from it until it lands: the audit log writes each subject version's entry once.
    /// </summary>
    public AuditEntry? LastChange { get; init; }

    /// <summary>The stored entity's version, for conditional writes; default for a record not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether an event with this id is already recorded (idempotency for the queue and API).</summary>
    public bool HasEvent(string eventId) => FindEvent(eventId) is not null;

    /// <summary>The recorded event with this id, or null.</summary>
    public RecordedEvent? FindEvent(string eventId) => Events.FirstOrDefault(e => string.Equals(e.Id, eventId, StringComparison.Ordinal));
}
