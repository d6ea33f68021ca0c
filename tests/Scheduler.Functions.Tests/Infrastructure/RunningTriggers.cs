using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scheduler.Functions.Host;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>The local trigger runner, as the app composes it, polling Azurite's queues with fast test intervals.</summary>
internal sealed class RunningTriggers(ServiceProvider provider, LocalTriggerService runner) : IAsyncDisposable
{
    /// <summary>Starts the runner with <paramref name="processor"/> (none: the queue has no processor registered).</summary>
    public static async Task<RunningTriggers> StartAsync(AzuriteFixture azurite, IMessageProcessor? processor, TimeSpan maxPollInterval)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = azurite.ConnectionString,
            ["Scheduler:Sweep:Schedule"] = "0 0 6 * * *",
            ["Scheduler:LocalTriggers:Enabled"] = "true",
            ["Scheduler:LocalTriggers:FunctionsDirectory"] = Scheduler.Functions.Tests.Host.RepoPaths.FunctionsDirectory,
            ["Scheduler:LocalTriggers:VisibilityTimeout"] = "00:00:01",
            ["Scheduler:LocalTriggers:MinPollInterval"] = "00:00:00.100",
            ["Scheduler:LocalTriggers:MaxPollInterval"] = maxPollInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddFunctionsHost(configuration)
            .AddLocalTriggers();
        if (processor is not null)
        {
            services.AddSingleton(processor);
        }

        var built = services.BuildServiceProvider(validateScopes: true);
        var service = built.GetServices<IHostedService>().OfType<LocalTriggerService>().Single();
        await service.StartAsync(CancellationToken.None);
        return new RunningTriggers(built, service);
    }

    public async ValueTask DisposeAsync()
    {
        await runner.StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
    }
}
