using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Scheduler.Functions.Host;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Tests.Host;

/// <summary>The local runner fires <c>DailySweep</c> from its function.json schedule through the invocation path.</summary>
public sealed class TimerTriggerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_second_schedule_fires_at_each_second_with_stepped_time()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 2, 5, 59, 58) + Duration.FromMilliseconds(500));
        var sweep = new CountingSweep(3);

        var requests = await RunLocalTriggersAsync(clock, sweep, schedule: "* * * * * *");

        Assert.Equal(
            [Instant.FromUtc(2026, 11, 2, 5, 59, 59), Instant.FromUtc(2026, 11, 2, 6, 0, 0), Instant.FromUtc(2026, 11, 2, 6, 0, 1)],
            requests.Take(3).Select(r => r.Now));
        Assert.All(requests, r => Assert.False(r.IsPastDue));
        Assert.All(requests, r => Assert.Equal("timer", r.Trigger));
    }

    [Fact]
    public async Task Daily_schedule_fires_at_six_utc_each_day()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 28, 12, 0));
        var sweep = new CountingSweep(3);

        var requests = await RunLocalTriggersAsync(clock, sweep, schedule: "0 0 6 * * *");

        // 29 March 2026 is the change to British Summer Time: the schedule stays on UTC.
        Assert.Equal(
            [Instant.FromUtc(2026, 3, 29, 6, 0), Instant.FromUtc(2026, 3, 30, 6, 0), Instant.FromUtc(2026, 3, 31, 6, 0)],
            requests.Take(3).Select(r => r.Now));
    }

    [Fact]
    public void Schedules_without_seconds_are_rejected_with_the_function_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerTriggerRunner.ParseSchedule("0 6 * * *", "DailySweep"));

        Assert.Contains("DailySweep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_expression_naming_a_missing_setting_is_a_clear_error()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => BindingExpressions.Resolve("%Scheduler__Sweep__Schedule%", configuration, "Function 'DailySweep'"));

        Assert.Contains("Scheduler__Sweep__Schedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_app_with_local_triggers_fires_an_every_second_timer_in_real_time()
    {
        var sweep = new CountingSweep(2);
        using var app = new RealTimeTriggerApp(sweep);
        using var client = app.CreateClient(); // starts the host and its hosted services

        var finished = await Task.WhenAny(sweep.Reached, Task.Delay(Bound));

        Assert.Same(sweep.Reached, finished);
        var times = sweep.Requests.Select(r => r.Now).ToList();
        // Two firings of an every-second schedule fall in different seconds; under load an invocation can start
        // late, so the gap between them can be far less than a second.
        Assert.True(times[1] > times[0], string.Join(", ", times));
        Assert.NotEqual(times[0].ToUnixTimeSeconds(), times[1].ToUnixTimeSeconds());
    }

    private static async Task<IReadOnlyList<SweepRequest>> RunLocalTriggersAsync(FakeClock clock, CountingSweep sweep, string schedule)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Sweep:Schedule"] = schedule,
            ["Scheduler:LocalTriggers:Enabled"] = "true",
            ["Scheduler:LocalTriggers:FunctionsDirectory"] = RepoPaths.FunctionsDirectory,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddFunctionsHost(configuration)
            .AddLocalTriggers()
            .AddSingleton<IClock>(clock)
            .AddSingleton<IDelay>(new SteppingDelay(clock))
            .AddSingleton<ISweepRunner>(sweep);
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        var runner = provider.GetServices<IHostedService>().OfType<LocalTriggerService>().Single();

        await runner.StartAsync(CancellationToken.None);
        var finished = await Task.WhenAny(sweep.Reached, Task.Delay(Bound));
        await runner.StopAsync(CancellationToken.None);

        Assert.Same(sweep.Reached, finished);
        return [.. sweep.Requests];
    }

    private sealed class RealTimeTriggerApp(CountingSweep sweep) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Scheduler:LocalTriggers:Enabled", "true");
            builder.UseSetting("Scheduler:LocalTriggers:FunctionsDirectory", RepoPaths.FunctionsDirectory);
            builder.UseSetting("Scheduler:Sweep:Schedule", "* * * * * *");
            builder.ConfigureServices(s => s.AddSingleton<ISweepRunner>(sweep));
        }
    }
}
