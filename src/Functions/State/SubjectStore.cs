using System.Runtime.CompilerServices;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>Reads and conditionally writes episode and case rows (the subjects' source of truth).</summary>
public sealed class SubjectStore(SchedulerTables tables)
{
    /// <summary>The subject, or null when it does not exist.</summary>
    public async Task<SubjectRecord?> GetAsync(StoredSubjectKind kind, string authority, string id, CancellationToken cancellationToken)
    {
        var entity = await tables.Subjects(kind).GetEntityIfExistsAsync(authority, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : SubjectEntity.FromEntity(entity);
    }

    /// <summary>Inserts a new subject; throws <see cref="TableEntityAlreadyExistsException"/> if the id is taken.</summary>
    public async Task<SubjectRecord> AddAsync(SubjectRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var response = await tables.Subjects(record.Kind).AddEntityAsync(SubjectEntity.ToEntity(record), cancellationToken).ConfigureAwait(false);
        return record with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>
    /// Replaces the subject if it is still at the version read (<see cref="SubjectRecord.ETag"/>); throws
    /// <see cref="TableConcurrencyException"/> when someone else wrote it first.
    /// </summary>
    public async Task<SubjectRecord> ReplaceAsync(SubjectRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var response = await tables.Subjects(record.Kind)
            .UpdateEntityAsync(SubjectEntity.ToEntity(record), record.ETag, TableUpdateMode.Replace, cancellationToken)
            .ConfigureAwait(false);
        return record with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>Every subject of a kind for one authority (one partition).</summary>
    public async IAsyncEnumerable<SubjectRecord> ListAsync(
        StoredSubjectKind kind, string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.Equal("PartitionKey", KeyParts.RequireAuthority(authority));
        await foreach (var entity in tables.Subjects(kind).QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return SubjectEntity.FromEntity(entity);
        }
    }

    /// <summary>Every subject of a kind, across authorities (repair and re-indexing only).</summary>
    public async IAsyncEnumerable<SubjectRecord> ListAllAsync(StoredSubjectKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Subjects(kind).QueryAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return SubjectEntity.FromEntity(entity);
        }
    }
}
