using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduler.Application.Authorities;
using Scheduler.LocalHost;
using Scheduler.Tests.Azurite;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// The app as the local host runs it (<see cref="LocalHostApp.Build"/>: the same services, function classes and
/// HTTP routes), on Kestrel at a free loopback port, against this run's Azurite, with its own table prefix, the
/// outbox as the email sender, <see cref="NoonClock"/> and logging at Warning (the per-request and per-digest
/// Information logs would otherwise be part of what is measured). Timers and queue pollers are off; the delivery
/// benchmark starts the queue poller itself.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    /// <summary>The operator key (its SHA-256 is configured, never the key).</summary>
    public const string OperatorKey = "benchmark-operator-key-not-for-production";

    private readonly WebApplication _app;

    private BenchApp(WebApplication app, string prefix, string outbox, Uri baseAddress)
    {
        _app = app;
        TablePrefix = prefix;
        Outbox = outbox;
        BaseAddress = baseAddress;
    }

    /// <summary>The prefix of this app's tables.</summary>
    public string TablePrefix { get; }

    /// <summary>The outbox folder (one .eml per digest).</summary>
    public string Outbox { get; }

    /// <summary>Where Kestrel listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts an app; <paramref name="services"/> may replace services (timing decorators).</summary>
    public static async Task<BenchApp> StartAsync(BenchStorage storage, LocalDate today, string prefix, Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var outbox = Path.Combine(storage.Workspace, "outbox-" + prefix);
        var port = AzuriteInstall.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var app = LocalHostApp.Build([LocalHostApp.NoTriggersFlag, "--urls", baseAddress.ToString().TrimEnd('/')], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scheduler:Storage:ConnectionString"] = storage.ConnectionString,
                ["Scheduler:Storage:TablePrefix"] = prefix,
                ["Scheduler:OperatorKeySha256"] = ApiKeyHasher.Hash(OperatorKey),
                ["Scheduler:Outbox:Directory"] = outbox,
                ["Scheduler:SeedDemo"] = "false",

                // A fresh random secret per run: the digests carry signed action links like any deployment's.
                ["Scheduler:Links:Secret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",

                // The SDK logs every 404/409/412 answer as a warning; those are the app's normal conditional-write races.
                ["Logging:LogLevel:Azure.Core"] = "Error",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Services.Replace(ServiceDescriptor.Singleton<IClock>(new NoonClock(today)));
            services?.Invoke(builder.Services);
        });
        await app.StartAsync().ConfigureAwait(false);
        return new BenchApp(app, prefix, outbox, baseAddress);
    }

    /// <summary>A service from the app's container.</summary>
    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
