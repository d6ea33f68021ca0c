using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Testing;
using Scheduler.Application;
using Scheduler.Application.Demo;

namespace Scheduler.Functions.Tests.Demo;

/// <summary>The demo clock (<c>SCHEDULER_TODAY</c>): the demo day at the current London time of day, running on.</summary>
public sealed class DemoClockTests
{
    [Fact]
    public void Starts_on_the_demo_day_at_the_current_london_time_and_keeps_running()
    {
        // 22 Nov 2026 09:15 UTC is 09:15 in London (GMT); 12 Dec 2017 is also GMT.
        var system = new FakeClock(Instant.FromUtc(2026, 11, 22, 9, 15));
        var clock = DemoClock.Parse("2017-12-12", system);

        Assert.Equal(Instant.FromUtc(2017, 12, 12, 9, 15), clock.GetCurrentInstant());

        system.Advance(Duration.FromSeconds(15));
        Assert.Equal(Instant.FromUtc(2017, 12, 12, 9, 15, 15), clock.GetCurrentInstant());
    }

    [Fact]
    public void Keeps_the_london_time_of_day_across_a_summer_time_difference()
    {
        // 10 Jun 2026 23:30 UTC is 00:30 on 11 Jun in London (BST); the demo day is a GMT day.
        var system = new FakeClock(Instant.FromUtc(2026, 6, 10, 23, 30));
        var clock = DemoClock.Parse("2017-12-01", system);

        Assert.Equal(new LocalDateTime(2017, 12, 1, 0, 30), clock.GetCurrentInstant().InZone(SchedulerTime.London).LocalDateTime);
    }

    [Fact]
    public void A_malformed_day_names_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DemoClock.Parse("12/12/2017", SystemClock.Instance));

        Assert.Contains("SCHEDULER_TODAY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_runs_on_the_demo_day_when_SCHEDULER_TODAY_is_set()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [DemoClock.TodayVariable] = "2017-12-12" })
            .Build();
        using var provider = new ServiceCollection().AddScheduler(configuration).BuildServiceProvider();
        var clock = provider.GetRequiredService<IClock>();

        Assert.Equal(new LocalDate(2017, 12, 12), clock.InZone(SchedulerTime.London).GetCurrentDate());
    }
}
