using NodaTime;

namespace Scheduler.Application;

/// <summary>The product's time zone: "today" everywhere is <c>clock.InZone(SchedulerTime.London).GetCurrentDate()</c>.</summary>
public static class SchedulerTime
{
    /// <summary>Europe/London from the TZDB bundled with NodaTime.</summary>
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];
}
