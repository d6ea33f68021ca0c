using System.Runtime.CompilerServices;
using NodaTime;

namespace Scheduler.Infrastructure.Tables;

/// <summary>The <c>DueIndex</c> table: PartitionKey the effective date (<c>yyyy-MM-dd</c>), so a date range is a key range.</summary>
public sealed class DueIndexStore(SchedulerTables tables) : IDueIndexStore
{
    private const int Parallelism = 8;

    /// <inheritdoc />
    public async IAsyncEnumerable<DueIndexRow> ReadOpenAsync(LocalDate through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {DueIndexKey.PartitionFor(through)}");
        await foreach (var entity in tables.DueIndex.WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return DueIndexEntity.FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListKeysAsync(string? authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = authority is null ? null : TableClient.CreateQueryFilter($"Authority eq {authority}");
        await foreach (var entity in tables.DueIndex.WhereAsync(filter, cancellationToken, ["PartitionKey", "RowKey"]).ConfigureAwait(false))
        {
            yield return $"{entity.PartitionKey}/{entity.RowKey}";
        }
    }

    /// <inheritdoc />
    public Task UpsertAsync(IEnumerable<DueIndexRow> rows, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, ct) => await tables.DueIndex.UpsertEntityAsync(DueIndexEntity.ToEntity(row), TableUpdateMode.Merge, ct).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task MarkAlertedAsync(DueIndexKey key, LocalDate due, CancellationToken cancellationToken)
    {
        try
        {
            // A merge of the one property, unconditional: a row deleted meanwhile (the milestone met) stays deleted.
            await tables.DueIndex.UpdateEntityAsync(DueIndexEntity.AlertedDue(key, due), ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone: nothing is left to alert for it.
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(IEnumerable<string> compactKeys, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            compactKeys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (compact, ct) =>
            {
                var (pk, rk) = DueIndexKey.SplitCompact(compact);
                await tables.DueIndex.DeleteEntityAsync(pk, rk, ETag.All, ct).ConfigureAwait(false);
            });
}
