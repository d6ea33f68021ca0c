using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>
/// Deletes everything stored for one authority: profile, keys, episodes, cases, index rows, acknowledgements,
/// processed-event ids, alert-ledger rows and its audit log. The caller then audits the purge itself, which keeps
/// who purged what and when, and no case data.
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
            [TableNames.AlertLedger] = await DeleteIfTableExistsAsync(tables.AlertLedger, byPartition, cancellationToken).ConfigureAwait(false),
            // "|~" sorts after every "|yyyy-MM" month partition of this authority.
            [TableNames.AuditLog] = await DeleteAsync(tables.AuditLog, TableRows.AuditPartitionsBefore(authority, authority + "|~"), cancellationToken).ConfigureAwait(false),
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

    private static Task<int> DeleteAsync(TableClient table, string filter, CancellationToken cancellationToken) =>
        TableRows.DeleteMatchingAsync(table, filter, cancellationToken);
}
