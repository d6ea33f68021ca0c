using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Validation;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Writes subjects the one safe way: a conditional write of the whole row (facts, events, milestones, index keys,
/// and the audit entry of the change), retried from a fresh read when another writer got there first (412), then
/// the audit row, the processed-event record and the derived due-index sync. A change either lands whole or not at
/// all. The audit entry travels on the row and the log writes each version's entry once, so a failure after the row
/// was written leaves the entry on the row, and the subject's next write (a redelivered message or a retried
/// request is one) writes it before anything else.
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
        toStore = toStore with { LastChange = SubjectAudit.Entry(null, toStore, actor, $"{record.Kind.Name()}.created") };
        // The ids are looked up together (one round trip's wait, not one per event) and judged in order, so the
        // first event whose id is taken is the one named.
        var seen = await Task.WhenAll(record.Events.Select(e => processed.GetAsync(record.Authority, e.Id, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < seen.Length; i++)
        {
            RequireUnused(record, record.Events[i].Id, $"events[{i}].id", seen[i]);
        }

        SubjectRecord stored;
        try
        {
            stored = await subjects.AddAsync(toStore, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException)
        {
            throw new ConflictException($"{Describe(record)} already exists.");
        }

        await AfterWriteAsync(stored, null, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(stored.Events.Select(e =>
            processed.RecordAsync(new ProcessedEvent(stored.Authority, e.Id, stored.Kind, stored.Id, stored.UpdatedAt), cancellationToken))).ConfigureAwait(false);

        return stored;
    }

    /// <summary>
    /// Reads the subject, applies <paramref name="change"/> (which validates and recomputes; null means "nothing to
    /// change") and writes it if the row is still at the version read, retrying from a fresh read otherwise. When
    /// <paramref name="eventId"/> is already recorded on the subject, nothing is written (idempotent replay) if the
    /// recorded event equals <paramref name="eventPayload"/>, and a <see cref="ConflictException"/> naming <c>id</c>
    /// says the id was used for another event if not. Returns the stored subject and whether this call changed it.
    /// </summary>
    public async Task<(SubjectRecord Subject, bool Changed)> UpdateAsync(
        SubjectKind kind,
        string authority,
        string id,
        Func<SubjectRecord, SubjectRecord?> change,
        string actor,
        string operation,
        string? eventId,
        CancellationToken cancellationToken,
        JsonElement? eventPayload = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        long repaired = 0;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var current = await subjects.GetAsync(kind, authority, id, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException($"{Capitalised(kind)} '{id}' of authority '{authority}'");
            if (current.LastChange is { } pending && current.Version != repaired)
            {
                // The previous write's audit entry, in case its writer failed after the row landed (written at most once).
                await audit.AppendAsync(pending, cancellationToken).ConfigureAwait(false);
                repaired = current.Version;
            }

            if (eventId is not null && current.FindEvent(eventId) is { } recorded)
            {
                if (eventPayload is { } payload && !JsonElement.DeepEquals(recorded.Payload, payload))
                {
                    throw new ConflictException("id", $"'{eventId}' was already used for a different event on this {kind.Name()}; give each event its own id");
                }

                LogReplay(logger, eventId, authority, kind.Name(), id);
                return (current, false);
            }

            if (eventId is not null && attempt == 1)
            {
                await RequireUnusedAsync(current, eventId, "id", cancellationToken).ConfigureAwait(false);
            }

            var next = change(current);
            if (next is null)
            {
                return (current, false);
            }

            var toStore = DueIndexRows.WithIndexKeys(
                next with { Version = current.Version + 1, UpdatedAt = clock.GetCurrentInstant(), CreatedAt = current.CreatedAt, ETag = current.ETag },
                current);
            toStore = toStore with { LastChange = SubjectAudit.Entry(current, toStore, actor, operation) };
            SubjectRecord stored;
            try
            {
                stored = await subjects.ReplaceAsync(toStore, cancellationToken).ConfigureAwait(false);
            }
            catch (StoreConflictException)
            {
                LogConflict(logger, authority, kind.Name(), id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await AfterWriteAsync(stored, eventId, cancellationToken).ConfigureAwait(false);
            return (stored, true);
        }

        throw new ContentionException($"{Capitalised(kind)} '{id}' kept changing under concurrent writes; nothing was recorded. Retry the request.");
    }

    /// <summary>Prefixes domain validation errors of the <paramref name="index"/>th initial event with <c>events[i].</c>.</summary>
    public static DomainValidationException Prefixed(DomainValidationException ex, string prefix) =>
        new([.. ex.Errors.Select(e => e with { Field = $"{prefix}.{e.Field}" })]);

    /// <summary>Refuses an event id already applied to another subject of the authority (409 naming <paramref name="field"/>).</summary>
    private async Task RequireUnusedAsync(SubjectRecord subject, string eventId, string field, CancellationToken cancellationToken) =>
        RequireUnused(subject, eventId, field, await processed.GetAsync(subject.Authority, eventId, cancellationToken).ConfigureAwait(false));

    private static void RequireUnused(SubjectRecord subject, string eventId, string field, ProcessedEvent? seen)
    {
        if (seen is not null && (seen.SubjectKind != subject.Kind || !string.Equals(seen.SubjectId, subject.Id, StringComparison.Ordinal)))
        {
            throw new ConflictException(field, $"'{eventId}' was already used for {seen.SubjectKind.Name()} '{seen.SubjectId}'; give each event its own id");
        }
    }

    private async Task AfterWriteAsync(SubjectRecord stored, string? eventId, CancellationToken cancellationToken)
    {
        // The audit row first: it is the one the row cannot rebuild on its own (the index can be reindexed).
        await audit.AppendAsync(stored.LastChange!, cancellationToken).ConfigureAwait(false);
        if (eventId is not null)
        {
            await processed.RecordAsync(new ProcessedEvent(stored.Authority, eventId, stored.Kind, stored.Id, stored.UpdatedAt), cancellationToken).ConfigureAwait(false);
        }

        await index.SyncAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    private static string Describe(SubjectRecord record) => $"{Capitalised(record.Kind)} '{record.Id}' of authority '{record.Authority}'";

    private static string Capitalised(SubjectKind kind) => kind == SubjectKind.Episode ? "Episode" : "Case";

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventId} already recorded on {Authority} {SubjectKind} {SubjectId}; nothing to do")]
    private static partial void LogReplay(ILogger logger, string eventId, string authority, string subjectKind, string subjectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Concurrent write to {Authority} {SubjectKind} {SubjectId} (attempt {Attempt}); re-reading and recomputing")]
    private static partial void LogConflict(ILogger logger, string authority, string subjectKind, string subjectId, int attempt);
}
