using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>The sweep's watermark: the London day the last successful sweep evaluated through.</summary>
public interface ISweepStateStore
{
    /// <summary>The current state (no day when the sweep never ran).</summary>
    Task<SweepStateRecord> GetAsync(CancellationToken cancellationToken);

    /// <summary>Moves the watermark if the state is still at <paramref name="read"/>'s version; false when another sweep wrote first.</summary>
    Task<bool> TryAdvanceAsync(SweepStateRecord read, LocalDate day, Instant at, string runId, CancellationToken cancellationToken);
}
