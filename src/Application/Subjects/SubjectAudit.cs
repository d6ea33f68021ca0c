using System.Text.Json;

namespace Scheduler.Application.Subjects;

/// <summary>
/// The audit-log entry of a subject's change. A new subject is recorded whole (its facts, assignees and initial
/// events); a change records only what changed: the events added (or removed), and the type, facts or assignees
/// when they changed, before and after. Milestones are derived, so never repeated. So an audit row stays small
/// however many events the subject holds.
/// </summary>
public static class SubjectAudit
{
    /// <summary>The entry for <paramref name="after"/> (version n) replacing <paramref name="before"/> (null when created), keyed by subject and version.</summary>
    public static AuditEntry Entry(SubjectRecord? before, SubjectRecord after, string actor, string operation)
    {
        ArgumentNullException.ThrowIfNull(after);
        var (beforeJson, afterJson) = Change(before, after);
        return new AuditEntry
        {
            Authority = after.Authority,
            Actor = actor,
            Operation = operation,
            EntityType = after.Kind.Name(),
            EntityKey = after.Id,
            Before = beforeJson,
            After = afterJson,
            At = after.UpdatedAt,
            Key = $"{after.Kind.Name()}|{after.Id}|v{after.Version}",
        };
    }

    /// <summary>The change as JSON: everything when <paramref name="before"/> is null, otherwise what differs.</summary>
    public static (string? Before, string After) Change(SubjectRecord? before, SubjectRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return (null, StateJson.Serialize(new
            {
                after.Authority,
                Kind = after.Kind.Name(),
                after.Id,
                after.Variant,
                after.Facts,
                Assignees = Assignees(after),
                after.Events,
                after.Version,
            }));
        }

        var was = new Dictionary<string, object?> { ["version"] = before.Version };
        var now = new Dictionary<string, object?> { ["version"] = after.Version };
        if (before.Variant != after.Variant)
        {
            was["variant"] = before.Variant;
            now["variant"] = after.Variant;
        }

        if (!JsonElement.DeepEquals(before.Facts, after.Facts))
        {
            was["facts"] = before.Facts;
            now["facts"] = after.Facts;
        }

        if (StateJson.Serialize(Assignees(before)) != StateJson.Serialize(Assignees(after)))
        {
            was["assignees"] = Assignees(before);
            now["assignees"] = Assignees(after);
        }

        var beforeIds = before.Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var afterIds = after.Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var added = after.Events.Where(e => !beforeIds.Contains(e.Id)).ToList();
        var removed = before.Events.Where(e => !afterIds.Contains(e.Id)).ToList();
        if (added.Count > 0)
        {
            now["eventsAdded"] = added;
        }

        if (removed.Count > 0)
        {
            was["eventsRemoved"] = removed;
        }

        return (StateJson.Serialize(was), StateJson.Serialize(now));
    }

    private static SortedDictionary<string, string> Assignees(SubjectRecord subject) =>
        new(subject.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value), StringComparer.Ordinal);
}
