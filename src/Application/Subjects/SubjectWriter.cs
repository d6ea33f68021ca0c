using NodaTime;
using Scheduler.Domain.Validation;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Writes subjects the one safe way: a conditional write of the whole row (facts, events, milestones, index keys),
/// retried from a fresh read when another writer got there first (412), then the derived due-index sync, the
/// processed-event record and the audit entry. A change either lands whole or not at all.
/// </summary>
public sealed partial class SubjectWriter(
    ISubjectStore subjects,
    DueIndexSync index,
    IProcessedEventStore processed,
    IAuditLog audit,
    IClock clock,
    ILogger<SubjectWriter> logger)
{
    /// <summary>How many times a write is retried after losing an optimistic-concurrency race.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Inserts a new subject; <see cref="ConflictException"/> when the id is taken.</summary>
    public async Task<SubjectRecord> CreateAsync(SubjectRecord record, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = clock.GetCurrentInstant();
        var toStore = DueIndexRows.WithIndexKeys(record with { Version = 1, CreatedAt = now, UpdatedAt = now }, null);
        SubjectRecord stored;
        try
        {
            stored = await subjects.AddAsync(toStore, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            throw new ConflictException($"{Describe(record)} already exists.");
        }

        await AfterWriteAsync(null, stored, actor, $"{record.Kind.Name()}.created", cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// Reads the subject, applies <paramref name="change"/> (which validates and recomputes; null means "nothing to
    /// change") and writes it if the row is still at the version read, retrying from a fresh read otherwise. When
    /// <paramref name="eventId"/> is already recorded on the subject, nothing is written (idempotent replay).
    /// Returns the stored subject and whether this call changed it.
    /// </summary>
    public async Task<(SubjectRecord Subject, bool Changed)> UpdateAsync(
        SubjectKind kind,
        string authority,
        string id,
        Func<SubjectRecord, SubjectRecord?> change,
        string actor,
        string operation,
        string? eventId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await subjects.GetAsync(kind, authority, id, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException($"{Capitalised(kind)} '{id}' of authority '{authority}'");
            if (eventId is not null && current.HasEvent(eventId))
            {
                LogReplay(logger, eventId, authority, kind.Name(), id);
                return (current, false);
            }

            var next = change(current);
            if (next is null)
            {
                return (current, false);
            }

            var toStore = DueIndexRows.WithIndexKeys(
                next with { Version = current.Version + 1, UpdatedAt = clock.GetCurrentInstant(), CreatedAt = current.CreatedAt, ETag = current.ETag },
                current);
            try
            {
                var stored = await subjects.ReplaceAsync(toStore, cancellationToken).ConfigureAwait(false);
                if (eventId is not null)
                {
                    await processed.RecordAsync(new ProcessedEvent(authority, eventId, kind, id, stored.UpdatedAt), cancellationToken).ConfigureAwait(false);
                }

                await AfterWriteAsync(current, stored, actor, operation, cancellationToken).ConfigureAwait(false);
                return (stored, true);
            }
            catch (StoreConflictException)
            {
                LogConflict(logger, authority, kind.Name(), id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }

        throw new ContentionException($"{Capitalised(kind)} '{id}' kept changing under concurrent writes; nothing was recorded. Retry the request.");
    }

    /// <summary>Prefixes domain validation errors of the <paramref name="index"/>th initial event with <c>events[i].</c>.</summary>
    public static DomainValidationException Prefixed(DomainValidationException ex, string prefix) =>
        new([.. ex.Errors.Select(e => e with { Field = $"{prefix}.{e.Field}" })]);

    private async Task AfterWriteAsync(SubjectRecord? before, SubjectRecord after, string actor, string operation, CancellationToken cancellationToken)
    {
        await index.SyncAsync(after, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = after.Authority,
                Actor = actor,
                Operation = operation,
                EntityType = after.Kind.Name(),
                EntityKey = after.Id,
                Before = SubjectAudit.Json(before),
                After = SubjectAudit.Json(after),
                At = after.UpdatedAt,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(SubjectRecord record) => $"{Capitalised(record.Kind)} '{record.Id}' of authority '{record.Authority}'";

    private static string Capitalised(SubjectKind kind) => kind == SubjectKind.Episode ? "Episode" : "Case";

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} already recorded on {Authority} {SubjectKind} {SubjectId}; nothing to do")]
    private static partial void LogReplay(ILogger logger, string eventId, string authority, string subjectKind, string subjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent write to {Authority} {SubjectKind} {SubjectId} (attempt {Attempt}); re-reading and recomputing")]
    private static partial void LogConflict(ILogger logger, string authority, string subjectKind, string subjectId, int attempt);
}
