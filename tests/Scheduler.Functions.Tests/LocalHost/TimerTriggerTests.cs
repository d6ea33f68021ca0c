using Microsoft.Extensions.Configuration;
using NodaTime;
using Scheduler.Application.Ports;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.LocalHost;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>The local host fires <c>DailySweep</c> on the schedule its attribute names (<c>%Scheduler__Sweep__Schedule%</c>, from configuration).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    private static FunctionEntry DailySweep => FunctionCatalog.All.Single(f => f.Name == "DailySweep");

    [Fact]
    public async Task An_every_two_seconds_schedule_from_configuration_fires_the_daily_sweep_function()
    {
        var today = new LocalDate(2017, 12, 12);
        await using var app = await TestApp.StartAsync(
            azurite, today, new Dictionary<string, string?> { ["Scheduler:Sweep:Schedule"] = "*/2 * * * * *" }, triggers: true);

        await Eventually.HoldsAsync(
            () => app.Logs.Lines.Count(l => l.Message.StartsWith("Daily sweep timer fired", StringComparison.Ordinal)) >= 2,
            "two firings of the timer");
        await Eventually.HoldsAsync(
            () => app.Logs.Lines.Any(l => l.Message.Contains("(timer) finished for", StringComparison.Ordinal)),
            "a sweep started by the timer finished:\n" + string.Join('\n', app.Logs.Lines.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Information && l.Category.StartsWith("Scheduler", StringComparison.Ordinal)).Select(l => $"{l.Category}: {l.Message}")));
        var state = await app.Service<ISweepStateStore>().GetAsync(default);
        Assert.Equal(today, state.LastSuccessfulDay);
    }

    [Fact]
    public void The_schedule_setting_is_read_from_configuration_and_runs_on_utc()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Sweep:Schedule"] = "0 0 6 * * *" }).Build();
        var schedule = TimerTriggers.ScheduleOf(DailySweep, configuration);

        // 29 March 2026 is the change to British Summer Time: the schedule stays on UTC (06:00Z is 07:00 in London).
        var from = new DateTime(2026, 3, 28, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(
            [new DateTime(2026, 3, 29, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 30, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 31, 6, 0, 0, DateTimeKind.Utc)],
            schedule.GetNextOccurrences(from, from.AddDays(3)));
    }

    [Fact]
    public void A_schedule_without_seconds_is_refused_naming_the_function()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Sweep:Schedule"] = "0 6 * * *" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => TimerTriggers.ScheduleOf(DailySweep, configuration));
        Assert.Contains("DailySweep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_schedule_setting_is_a_clear_error_naming_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TimerTriggers.ScheduleOf(DailySweep, new ConfigurationBuilder().Build()));
        Assert.Contains("Scheduler__Sweep__Schedule", error.Message, StringComparison.Ordinal);
    }
}
