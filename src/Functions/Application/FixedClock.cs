using NodaTime;
using NodaTime.Text;

namespace Scheduler.Functions.Application;

/// <summary>
/// A clock pinned to one instant: demos (<c>SCHEDULER_TODAY=2017-12-01</c>) and tests. Set to noon in London on
/// the given day, so "today" is that day whatever the machine's time zone.
/// </summary>
public sealed class FixedClock(Instant now) : IClock
{
    /// <summary>The configuration key (environment variable) that pins the clock for local runs.</summary>
    public const string TodayVariable = "SCHEDULER_TODAY";

    /// <summary>A clock at noon, Europe/London, on <paramref name="today"/>.</summary>
    public static FixedClock OnDay(LocalDate today) =>
        new(today.At(new LocalTime(12, 0)).InZoneLeniently(LondonTime.Zone).ToInstant());

    /// <summary>Parses <c>yyyy-MM-dd</c>; throws with the variable's name when malformed.</summary>
    public static FixedClock Parse(string today)
    {
        var result = LocalDatePattern.Iso.Parse(today.Trim());
        return result.Success
            ? OnDay(result.Value)
            : throw new InvalidOperationException($"{TodayVariable} must be a yyyy-MM-dd date, not '{today}'.");
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}
