using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>
/// One row per sweep or recovery run that claims alerts: while it lives it beats a heartbeat, and it says when it
/// finished. Another run may take a pending alert over at once when the run that claimed it has finished or its
/// heartbeat has stopped (a crashed process), rather than waiting for the claim lease.
/// </summary>
public interface ISweepRunStore
{
    /// <summary>Records that a run has started (its first heartbeat is its start).</summary>
    Task StartAsync(SweepRunRecord run, CancellationToken cancellationToken);

    /// <summary>Moves the run's heartbeat to <paramref name="at"/>.</summary>
    Task HeartbeatAsync(string runId, Instant at, CancellationToken cancellationToken);

    /// <summary>Records that the run will claim and enqueue nothing more.</summary>
    Task FinishAsync(string runId, Instant at, CancellationToken cancellationToken);

    /// <summary>The run, or null when it was never recorded or has been removed.</summary>
    Task<SweepRunRecord?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Removes runs whose last heartbeat is before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteBeforeAsync(Instant cutoff, CancellationToken cancellationToken);
}
