using NodaTime;

namespace Scheduler.Cli.Tests;

/// <summary>A clock stuck at one instant (NodaTime.Testing is not available here).</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;

    /// <summary>Noon UTC on the given date.</summary>
    public static FixedClock On(int year, int month, int day) => new(Instant.FromUtc(year, month, day, 12, 0));
}
