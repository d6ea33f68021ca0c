using NodaTime;

namespace Scheduler.Domain.Alerts;

/// <summary>One entry of a milestone's nominal alert timeline: on this working day, this level (re-)notification is due.</summary>
/// <param name="Day">The nominal trigger day (always a working day of the calendar used).</param>
/// <param name="Level">The escalation level.</param>
/// <param name="Renotify">0 for the first notification at this level; 1, 2, … for the re-notifications at the cadence.</param>
public sealed record AlertTrigger(LocalDate Day, AlertLevel Level, int Renotify);
