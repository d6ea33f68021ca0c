using NodaTime;

namespace Scheduler.Cli;

/// <summary>What a command may touch: its output streams and the clock ("today" and ICS stamps come from here).</summary>
public sealed record CliContext(TextWriter Out, TextWriter Error, IClock Clock)
{
    /// <summary>The time zone the statutory dates are local to.</summary>
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>Today's date in Europe/London.</summary>
    public LocalDate Today => Clock.GetCurrentInstant().InZone(London).Date;
}
