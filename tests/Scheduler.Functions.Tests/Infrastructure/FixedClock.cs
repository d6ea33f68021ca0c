using NodaTime;
using NodaTime.Text;
using Scheduler.Functions.Application;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>A clock stopped at one instant (NodaTime.Testing is not available here).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    /// <summary>A clock at noon, Europe/London, on <paramref name="today"/>, so "today" is that day in any zone.</summary>
    public static FixedClock OnDay(LocalDate today) =>
        new(today.At(new LocalTime(12, 0)).InZoneLeniently(LondonTime.Zone).ToInstant());

    /// <summary>A clock at noon, Europe/London, on the <c>yyyy-MM-dd</c> day.</summary>
    public static FixedClock Parse(string today) => OnDay(LocalDatePattern.Iso.Parse(today).GetValueOrThrow());

    public Instant GetCurrentInstant() => now;
}
