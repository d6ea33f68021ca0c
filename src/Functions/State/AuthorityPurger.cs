using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>
/// Deletes everything stored for one authority: profile, keys, episodes, cases, index rows, acknowledgements,
/// processed-event ids and alert-ledger rows. The audit log is kept (it records the purge itself and is subject to
/// the retention period, not to the authority's lifetime).
/// </summary>
public sealed class AuthorityPurger(SchedulerTables tables)
{
    /// <summary>Deletes and returns how many rows each table lost.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PurgeAsync(string authority, CancellationToken cancellationToken)
    {
        KeyParts.RequireAuthority(authority);
        var byPartition = TableFilter.Equal("PartitionKey", authority);
        var byProperty = TableFilter.Equal("Authority", authority);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [TableNames.DueIndex] = await DeleteAsync(tables.DueIndex, byProperty, cancellationToken).ConfigureAwait(false),
            [TableNames.Episodes] = await DeleteAsync(tables.Episodes, byPartition, cancellationToken).ConfigureAwait(false),
            [TableNames.Cases] = await DeleteAsync(tables.Cases, byPartition, cancellationToken).ConfigureAwait(false),
            [TableNames.Acknowledgements] = await DeleteAsync(tables.Acknowledgements, byPartition, cancellationToken).ConfigureAwait(false),
            [TableNames.ProcessedEvents] = await DeleteAsync(tables.ProcessedEvents, byPartition, cancellationToken).ConfigureAwait(false),
            [TableNames.AlertLedger] = await DeleteIfTableExistsAsync(tables.Get(TableNames.AlertLedger), byProperty, cancellationToken).ConfigureAwait(false),
            [TableNames.ApiKeys] = await DeleteAsync(tables.ApiKeys, byProperty, cancellationToken).ConfigureAwait(false),
            [TableNames.Authorities] = await DeleteAsync(tables.Authorities, byPartition, cancellationToken).ConfigureAwait(false),
        };
        return counts;
    }

    private static async Task<int> DeleteIfTableExistsAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        // The alert ledger belongs to the sweep; it may not exist yet on a fresh account.
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return await DeleteAsync(table, filter, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<(string, string)>();
        await foreach (var entity in table.QueryAsync(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (key, ct) => await table.DeleteEntityAsync(key.Item1, key.Item2, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        return keys.Count;
    }
}
