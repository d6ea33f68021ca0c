using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>Deletes audit and alert-ledger rows recorded before a cutoff, one authority at a time.</summary>
public interface IRetentionStore
{
    /// <summary>Deletes the authority's expired rows; returns how many audit and ledger rows went.</summary>
    Task<(int AuditRows, int LedgerRows)> DeleteBeforeAsync(string authority, Instant cutoff, CancellationToken cancellationToken);
}
