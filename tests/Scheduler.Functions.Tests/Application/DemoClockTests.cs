using NodaTime;
using Scheduler.Functions.Application;

namespace Scheduler.Functions.Tests.Application;

public sealed class DemoClockTests
{
    private sealed class SteppedClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }

    [Fact]
    public void Starts_on_the_demo_day_at_the_current_london_time_and_keeps_running()
    {
        // 22 Nov 2026 09:15 UTC is 09:15 in London (GMT); 12 Dec 2017 is also GMT.
        var system = new SteppedClock(Instant.FromUtc(2026, 11, 22, 9, 15));
        var clock = DemoClock.Parse("2017-12-12", system);

        Assert.Equal(Instant.FromUtc(2017, 12, 12, 9, 15), clock.GetCurrentInstant());

        system.Now += Duration.FromSeconds(15);
        Assert.Equal(Instant.FromUtc(2017, 12, 12, 9, 15, 15), clock.GetCurrentInstant());
    }

    [Fact]
    public void Keeps_the_london_time_of_day_across_a_summer_time_difference()
    {
        // 10 Jun 2026 23:30 UTC is 00:30 on 11 Jun in London (BST); the demo day is a GMT day.
        var system = new SteppedClock(Instant.FromUtc(2026, 6, 10, 23, 30));
        var clock = DemoClock.Parse("2017-12-01", system);

        Assert.Equal(new LocalDateTime(2017, 12, 1, 0, 30), clock.GetCurrentInstant().InZone(LondonTime.Zone).LocalDateTime);
    }

    [Fact]
    public void A_malformed_day_names_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DemoClock.Parse("12/12/2017", SystemClock.Instance));

        Assert.Contains("SCHEDULER_TODAY", error.Message, StringComparison.Ordinal);
    }
}
