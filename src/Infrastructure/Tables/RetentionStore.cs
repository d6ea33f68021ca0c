using NodaTime;

namespace Scheduler.Infrastructure.Tables;

/// <summary>Deletes expired audit and alert-ledger rows: one key range per authority and table, never a table scan.</summary>
public sealed class RetentionStore(SchedulerTables tables) : IRetentionStore
{
    /// <inheritdoc />
    public async Task<(int AuditRows, int LedgerRows)> DeleteBeforeAsync(string authority, Instant cutoff, CancellationToken cancellationToken)
    {
        // Whole months before the cutoff's month: a row is kept at least the full period, at most a month longer.
        var audit = await tables.AuditLog.DeleteMatchingAsync(AuditLog.PartitionsBefore(authority, AuditLog.PartitionFor(authority, cutoff)), cancellationToken)
            .ConfigureAwait(false);
        var ledger = await tables.AlertLedger.DeleteMatchingAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {authority} and RecordedAt lt {cutoff.ToDateTimeOffset()}"), cancellationToken).ConfigureAwait(false);
        return (audit, ledger);
    }
}
