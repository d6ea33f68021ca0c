using Microsoft.Extensions.Options;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>A missing or bad setting stops the app when it starts, with a message naming the setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StartupTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task No_storage_configured_stops_the_start_naming_the_settings()
    {
        var error = await StartFailureAsync<OptionsValidationException>(new() { ["Scheduler:Storage:ConnectionString"] = string.Empty });
        Assert.Contains("Scheduler:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("Scheduler:Storage:TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_without_its_seconds_field_stops_the_start_naming_the_setting()
    {
        var error = await StartFailureAsync<OptionsValidationException>(new() { ["Scheduler:Sweep:Schedule"] = "0 6 * * *" });
        Assert.Contains("Scheduler:Sweep:Schedule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_of_six_fields_that_is_no_ncrontab_stops_the_start_naming_the_setting()
    {
        // Six fields, so the options' shape check passes; hour 25 does not exist.
        var error = await StartFailureAsync<InvalidOperationException>(new() { ["Scheduler:Sweep:Schedule"] = "0 0 25 * * *" }, triggers: true);
        Assert.Contains("Scheduler__Sweep__Schedule", error.Message, StringComparison.Ordinal);
        Assert.Contains("DailySweep", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Scheduler:Retention:Years", "0")]
    [InlineData("Scheduler:Storage:TablePrefix", "1-bad")]
    public async Task An_out_of_range_setting_stops_the_start_naming_it(string setting, string value)
    {
        var error = await StartFailureAsync<OptionsValidationException>(new() { [setting] = value });
        Assert.Contains(setting.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }

    private async Task<TException> StartFailureAsync<TException>(Dictionary<string, string?> settings, bool triggers = false)
        where TException : Exception
    {
        await using var app = BareLocalHost.Build(azurite, settings, triggers);
        return await Assert.ThrowsAsync<TException>(() => app.StartAsync());
    }
}
