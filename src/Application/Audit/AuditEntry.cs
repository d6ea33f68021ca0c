using NodaTime;

namespace Scheduler.Application.Audit;

/// <summary>
/// One change, as the audit log keeps it: who (API key id, or the queue), what (operation on which entity), when
/// (from the injected clock) and what changed as JSON: for a new entity all of it (<see cref="Before"/> null), for a
/// change the fields that changed, before and after, never whole copies.
/// </summary>
public sealed record AuditEntry
{
    public required string Authority { get; init; }

    /// <summary>The API key id, <c>operator</c>, <c>queue:case-events</c> or <c>demo-seeder</c>.</summary>
    public required string Actor { get; init; }

    /// <summary>For example <c>case.event.recorded</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>For example <c>case</c>, <c>episode</c>, <c>authority</c>, <c>api-key</c>, <c>acknowledgement</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>For example the case reference or episode id.</summary>
    public required string EntityKey { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    public required Instant At { get; init; }

    /// <summary>
    /// When set, the entry's identity (for example <c>case|CP-1|v7</c>): the log writes an entry with a key at most
    /// once, so writing it again after a failure, or from the row that carries it, never makes a second row.
    /// </summary>
    public string? Key { get; init; }
}
