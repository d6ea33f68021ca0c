namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// Deletes everything stored for one authority: profile, keys, episodes, cases, index rows, acknowledgements,
/// processed-event ids, alert-ledger rows and its audit log. The caller then audits the purge itself, which keeps
/// who purged what and when, and no case data.
/// </summary>
public sealed class AuthorityPurger(SchedulerTables tables) : IAuthorityPurger
{
    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, int>> PurgeAsync(string authority, CancellationToken cancellationToken)
    {
        KeyParts.RequireAuthority(authority);
        var byPartition = TableClient.CreateQueryFilter($"PartitionKey eq {authority}");
        var byProperty = TableClient.CreateQueryFilter($"Authority eq {authority}");
        async Task<int> Delete(string table, string filter) => await tables.Get(table).DeleteMatchingAsync(filter, cancellationToken).ConfigureAwait(false);
        return new Dictionary<string, int>(StringComparer.Ordinal)
        {
            [TableNames.DueIndex] = await Delete(TableNames.DueIndex, byProperty).ConfigureAwait(false),
            [TableNames.Episodes] = await Delete(TableNames.Episodes, byPartition).ConfigureAwait(false),
            [TableNames.Cases] = await Delete(TableNames.Cases, byPartition).ConfigureAwait(false),
            [TableNames.Acknowledgements] = await Delete(TableNames.Acknowledgements, byPartition).ConfigureAwait(false),
            [TableNames.ProcessedEvents] = await Delete(TableNames.ProcessedEvents, byPartition).ConfigureAwait(false),
            [TableNames.AlertLedger] = await Delete(TableNames.AlertLedger, byPartition).ConfigureAwait(false),
            [TableNames.AuditLog] = await Delete(TableNames.AuditLog, AuditLog.PartitionsBefore(authority, authority + "|~")).ConfigureAwait(false),
            [TableNames.ApiKeys] = await Delete(TableNames.ApiKeys, byProperty).ConfigureAwait(false),
            [TableNames.Authorities] = await Delete(TableNames.Authorities, byPartition).ConfigureAwait(false),
        };
    }
}
