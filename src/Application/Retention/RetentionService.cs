using Microsoft.Extensions.Options;
using NodaTime;

namespace Scheduler.Application.Retention;

/// <summary>
/// Deletes audit-log and alert-ledger rows older than the retention period, authority by authority, in whole UTC
/// months: a row is kept the full period and at most a month longer, so one pass a month (the sweep's first of the
/// month) is enough.
/// </summary>
public sealed class RetentionService(IRetentionStore store, IOptions<RetentionOptions> options)
{
    /// <summary>Deletes what was recorded before the UTC month of <paramref name="now"/> minus the retention period.</summary>
    public async Task<RetentionResult> PurgeExpiredAsync(IEnumerable<string> authorities, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var cutoff = now.InUtc().Date.PlusYears(-options.Value.Years).With(DateAdjusters.StartOfMonth).AtMidnight().InUtc().ToInstant();
        int audit = 0, ledger = 0;
        foreach (var authority in authorities)
        {
            var (a, l) = await store.DeleteBeforeAsync(authority, cutoff, cancellationToken).ConfigureAwait(false);
            audit += a;
            ledger += l;
        }

        return new RetentionResult(cutoff, audit, ledger);
    }
}

/// <summary>What a retention pass deleted, and the instant before which rows expired.</summary>
public sealed record RetentionResult(Instant Cutoff, int AuditRows, int LedgerRows);
