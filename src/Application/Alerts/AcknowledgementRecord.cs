using NodaTime;

namespace Scheduler.Application.Alerts;

/// <summary>
/// Someone took ownership of an alert: the sweep holds it back from <see cref="On"/> until <see cref="Expires"/>
/// (inclusive; null until the milestone is met).
/// </summary>
/// <param name="Authority">The authority code (PartitionKey).</param>
/// <param name="AlertKey">The deterministic alert key (RowKey).</param>
/// <param name="By">The API key id that acknowledged it.</param>
/// <param name="Reason">Why; free text, never sent in digests.</param>
/// <param name="On">The day (Europe/London) it was acknowledged.</param>
/// <param name="Expires">The last day it holds, or null.</param>
/// <param name="At">When it was recorded.</param>
public sealed record AcknowledgementRecord(string Authority, string AlertKey, string By, string Reason, LocalDate On, LocalDate? Expires, Instant At);
