using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts.Links;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Links;

/// <summary>The app as composed by <c>SchedulerServices</c>: a bad link secret stops it at start, naming the setting; a local demo run signs with the development secret.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class LinkStartupTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Day = new(2017, 12, 12);

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/LinkSigningSecret)", "Scheduler__Links__Secret is a Key Vault reference")]
    [InlineData("too-short", "Scheduler__Links__Secret is 9 bytes long")]
    [InlineData("", "Scheduler__Links__Secret is not set")]
    public async Task A_bad_or_missing_secret_stops_the_app_at_start_naming_the_setting(string secret, string message)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await TestApp.StartAsync(azurite, Day, new Dictionary<string, string?> { ["Scheduler:Links:Secret"] = secret });
        });
        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_run_without_a_secret_signs_with_the_development_secret_but_not_in_azure()
    {
        // The demo clock and a Development environment are the other local signals (LinkOptionsTests); the test app has neither.
        var local = new Dictionary<string, string?> { ["Scheduler:Links:Secret"] = string.Empty, ["Scheduler:Links:AllowDevelopmentSecret"] = "true" };
        await using (var app = await TestApp.StartAsync(azurite, Day, local))
        {
            Assert.True(app.Service<LinkSigner>().UsesDevelopmentSecret);
        }

        var azure = new Dictionary<string, string?>(local) { ["WEBSITE_SITE_NAME"] = "func-scheduler-prod" };
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await TestApp.StartAsync(azurite, Day, azure);
        });
        Assert.Contains("Scheduler__Links__Secret is not set", failure.Message, StringComparison.Ordinal);
    }
}
