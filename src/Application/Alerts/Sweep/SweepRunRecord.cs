using NodaTime;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>A run that claims alerts (a sweep or a recovery run): when it started, its last heartbeat, and when it finished.</summary>
/// <param name="RunId">The run's id, also the claim id on the ledger rows it claims.</param>
/// <param name="Trigger">What started it (<c>timer</c>, <c>operator</c>, <c>recovery</c>, …).</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="HeartbeatAt">Its last sign of life.</param>
/// <param name="FinishedAt">When it finished (successfully or not), or null while it runs or after it died.</param>
public sealed record SweepRunRecord(string RunId, string Trigger, Instant StartedAt, Instant HeartbeatAt, Instant? FinishedAt = null)
{
    /// <summary>
    /// Whether its claims may be taken over at <paramref name="now"/>: it has finished, or its heartbeat is older
    /// than <paramref name="heartbeatTimeout"/> (the process died).
    /// </summary>
    public bool IsGone(Instant now, Duration heartbeatTimeout) => FinishedAt is not null || HeartbeatAt + heartbeatTimeout <= now;
}
