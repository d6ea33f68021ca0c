using NodaTime;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The <c>ProcessedEvents</c> table (PartitionKey authority, RowKey event id): which subject an event id was
/// applied to. The authoritative idempotency check is the event id recorded on the subject row itself (written in
/// the same conditional write as the event); this table is the fast lookup and catches an id reused for a
/// different subject.
/// </summary>
public sealed class ProcessedEventStore(SchedulerTables tables) : IProcessedEventStore
{
    /// <summary>Where an event id was applied, or null if never.</summary>
    public async Task<ProcessedEvent?> GetAsync(string authority, string eventId, CancellationToken cancellationToken)
    {
        var entity = await tables.ProcessedEvents.FindAsync(authority, eventId, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new ProcessedEvent(
                authority,
                eventId,
                SubjectKinds.Parse(entity.GetString("SubjectKind")) ?? SubjectKind.Case,
                entity.GetString("SubjectId") ?? string.Empty,
                Instant.FromDateTimeOffset(entity.GetDateTimeOffset("ProcessedAt") ?? DateTimeOffset.UnixEpoch));
    }

    /// <summary>Records that an event id was applied (idempotent).</summary>
    public async Task RecordAsync(ProcessedEvent processed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(processed);
        var entity = new TableEntity(processed.Authority, processed.EventId)
        {
            ["SubjectKind"] = processed.SubjectKind.Name(),
            ["SubjectId"] = processed.SubjectId,
            ["ProcessedAt"] = processed.ProcessedAt.ToDateTimeOffset(),
        };
        await tables.ProcessedEvents.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}

