using NodaTime;

namespace Scheduler.Functions.Application;

/// <summary>"Today" as the domain means it: the date in Europe/London from the injected clock.</summary>
public static class LondonTime
{
    /// <summary>The Europe/London zone (from the TZDB bundled with NodaTime).</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Today's date in London.</summary>
    public static LocalDate Today(this IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InZone(Zone).Date;
    }
}
