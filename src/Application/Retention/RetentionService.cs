using Microsoft.Extensions.Options;
using NodaTime;

namespace Scheduler.Application.Retention;

/// <summary>Deletes audit-log and alert-ledger rows older than the retention period, authority by authority.</summary>
public sealed class RetentionService(IRetentionStore store, IOptions<RetentionOptions> options)
{
    /// <summary>Deletes what expired before <paramref name="now"/> minus the retention period.</summary>
    public async Task<RetentionResult> PurgeExpiredAsync(IEnumerable<string> authorities, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorities);
        var cutoff = now.InUtc().LocalDateTime.PlusYears(-options.Value.Years).InUtc().ToInstant();
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
