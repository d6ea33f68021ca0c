using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>Bulk deletion of the rows a filter matches, for purges and retention.</summary>
internal static class TableRows
{
    /// <summary>Deletes every row <paramref name="filter"/> matches and returns how many there were.</summary>
    public static async Task<int> DeleteMatchingAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<(string PartitionKey, string RowKey)>();
        await foreach (var entity in table.QueryAsync(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        await Parallel.ForEachAsync(
            keys,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (key, ct) => await table.DeleteEntityAsync(key.PartitionKey, key.RowKey, cancellationToken: ct).ConfigureAwait(false)).ConfigureAwait(false);
        return keys.Count;
    }

    /// <summary>The audit-log partitions of <paramref name="authority"/> (<c>{authority}|{yyyy-MM}</c>) before <paramref name="endExclusive"/>.</summary>
    public static string AuditPartitionsBefore(string authority, string endExclusive) =>
        TableFilter.Create($"PartitionKey ge {authority + "|"} and PartitionKey lt {endExclusive}");
}
