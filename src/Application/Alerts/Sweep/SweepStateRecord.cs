using NodaTime;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>The sweep's watermark: the London day the last successful sweep evaluated through.</summary>
/// <param name="LastSuccessfulDay">Null before the first successful working-day sweep.</param>
/// <param name="LastRunAt">When that sweep finished.</param>
/// <param name="LastRunId">Which run it was (for logs).</param>
/// <param name="ETag">The stored row's version; null when the row does not exist yet.</param>
public sealed record SweepStateRecord(LocalDate? LastSuccessfulDay, Instant? LastRunAt, string? LastRunId, string? ETag);
