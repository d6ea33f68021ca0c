using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>
/// Deletes audit-log and alert-ledger rows older than the retention period (<c>Scheduler:Retention:Years</c>,
/// default 6). Reads one range per authority and table, never the whole table.
/// </summary>
public sealed class RetentionPurger(SchedulerTables tables, IOptions<SchedulerOptions> options)
{
    /// <summary>Deletes what expired before <paramref name="now"/> minus the retention period, for each authority.</summary>
    public async Task<RetentionResult> PurgeExpiredAsync(IEnumerable<string> authorities, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var years = options.Value.Retention.Years;
        if (years < 1)
        {
            throw new InvalidOperationException($"Scheduler:Retention:Years must be at least 1, not {years}.");
        }

        var cutoff = now.InUtc().LocalDateTime.PlusYears(-years).InUtc().ToInstant();
        var audit = 0;
        var ledger = 0;
        foreach (var authority in authorities)
        {
            // Whole months before the cutoff's month: a row is kept at least the full period, at most a month longer.
            audit += await TableRows.DeleteMatchingAsync(
                tables.AuditLog, TableRows.AuditPartitionsBefore(authority, AuditLog.PartitionFor(authority, cutoff)), cancellationToken).ConfigureAwait(false);
            ledger += await TableRows.DeleteMatchingAsync(
                tables.AlertLedger,
                TableFilter.Create($"PartitionKey eq {authority} and RecordedAt lt {cutoff.ToDateTimeOffset()}"),
                cancellationToken).ConfigureAwait(false);
        }

        return new RetentionResult(cutoff, audit, ledger);
    }
}

/// <summary>What a retention pass deleted, and the instant before which rows expired.</summary>
public sealed record RetentionResult(Instant Cutoff, int AuditRows, int LedgerRows);
