using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Scheduler.Application;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>Fake clocks at noon in London, so "today" is the given day whatever the machine's zone.</summary>
public static class TestClocks
{
    /// <summary>A clock stopped at noon (Europe/London) on <paramref name="today"/>; advance it with <see cref="FakeClock.Advance"/>.</summary>
    public static FakeClock OnDay(LocalDate today) => new(today.At(new LocalTime(12, 0)).InZoneLeniently(SchedulerTime.London).ToInstant());

    /// <summary>A clock stopped at noon (Europe/London) on a <c>yyyy-MM-dd</c> day.</summary>
    public static FakeClock OnDay(string today) => OnDay(LocalDatePattern.Iso.Parse(today).GetValueOrThrow());

    /// <summary>Moves <paramref name="clock"/> to noon of <paramref name="day"/> (forwards or backwards).</summary>
    public static void MoveTo(this FakeClock clock, LocalDate day)
    {
        ArgumentNullException.ThrowIfNull(clock);
        clock.Reset(day.At(new LocalTime(12, 0)).InZoneLeniently(SchedulerTime.London).ToInstant());
    }
}
