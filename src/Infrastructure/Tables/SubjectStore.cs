using System.Runtime.CompilerServices;
using Scheduler.Application.Errors;

namespace Scheduler.Infrastructure.Tables;

/// <summary>The <c>Episodes</c> and <c>Cases</c> tables: PartitionKey authority, RowKey episode id or case reference.</summary>
public sealed class SubjectStore(SchedulerTables tables) : ISubjectStore
{
    /// <inheritdoc />
    public async Task<SubjectRecord?> GetAsync(SubjectKind kind, string authority, string id, CancellationToken cancellationToken) =>
        await tables.Subjects(kind).FindAsync(authority, id, cancellationToken).ConfigureAwait(false) is { } entity ? SubjectEntity.FromEntity(entity) : null;

    /// <inheritdoc />
    public async Task<SubjectRecord> AddAsync(SubjectRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var etag = await tables.Subjects(record.Kind).InsertAsync(SubjectEntity.ToEntity(record), cancellationToken).ConfigureAwait(false);
        return record with { ETag = etag };
    }

    /// <inheritdoc />
    public async Task<SubjectRecord> ReplaceAsync(SubjectRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var etag = await tables.Subjects(record.Kind)
            .ReplaceAsync(SubjectEntity.ToEntity(record), record.ETag ?? throw new ArgumentException("A replace needs the ETag read.", nameof(record)), cancellationToken)
            .ConfigureAwait(false);
        return record with { ETag = etag };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SubjectRecord> ListAsync(SubjectKind kind, string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyParts.RequireAuthority(authority)}");
        await foreach (var entity in tables.Subjects(kind).WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return SubjectEntity.FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async Task<SubjectPage> PageAsync(SubjectKind kind, string authority, string? variant, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var filter = variant is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {KeyParts.RequireAuthority(authority)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {KeyParts.RequireAuthority(authority)} and Variant eq {variant}");
        try
        {
            await foreach (var page in tables.Subjects(kind)
                .QueryAsync<TableEntity>(filter, pageSize, SubjectEntity.SummaryColumns, cancellationToken)
                .AsPages(continuation, pageSize)
                .ConfigureAwait(false))
            {
                return new SubjectPage([.. page.Values.Select(SubjectEntity.SummaryFromEntity)], string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
            }

            return new SubjectPage([], null);
        }
        catch (RequestFailedException ex) when (continuation is not null && ex.Status == 400)
        {
            throw new ValidationException("continuation", "is not a continuation this list returned; start again without it");
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SubjectRecord> ListAllAsync(SubjectKind kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Subjects(kind).WhereAsync(null, cancellationToken).ConfigureAwait(false))
        {
            yield return SubjectEntity.FromEntity(entity);
        }
    }
}
