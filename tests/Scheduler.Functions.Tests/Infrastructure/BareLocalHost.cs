using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Scheduler.Application.Authorities;
using Scheduler.LocalHost;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// The local host built (not started) on a test server against the shared Azurite with its own table prefix, for
/// tests that start it themselves: to see a start fail, or to look at its configuration and services.
/// </summary>
public static class BareLocalHost
{
    /// <summary>Builds the host; <paramref name="settings"/> override the defaults, <paramref name="configure"/> runs last.</summary>
    public static WebApplication Build(
        AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, bool triggers = false, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        string[] args = triggers ? [] : [LocalHostApp.NoTriggersFlag];
        return LocalHostApp.Build(args, builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scheduler:Storage:ConnectionString"] = azurite.ConnectionString,
                ["Scheduler:Storage:TablePrefix"] = prefix,
                ["Scheduler:OperatorKeySha256"] = ApiKeyHasher.Hash(TestApp.OperatorKey),
                ["Scheduler:Outbox:Directory"] = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + prefix),
                ["Scheduler:Links:Secret"] = TestApp.LinkSecret,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            configure?.Invoke(builder);
        });
    }
}
