using Microsoft.Extensions.Options;
using Scheduler.Functions.Demo;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.State;

/// <summary>At start-up: creates the tables if missing and, when asked (<c>--seed-demo</c>), seeds the demo authority.</summary>
public sealed partial class StateInitializer(IServiceProvider services, IOptions<SchedulerOptions> options, IConfiguration configuration, ILogger<StateInitializer> logger) : IHostedService
{
    /// <summary>The configuration switch the <c>--seed-demo</c> flag sets.</summary>
    public const string SeedDemoKey = "Scheduler:SeedDemo";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!StorageAccount.IsConfigured(options.Value))
        {
            LogNoStorage(logger);
            return;
        }

        await services.GetRequiredService<SchedulerTables>().EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (configuration.GetValue<bool>(SeedDemoKey))
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No storage configured (Scheduler:Storage:ConnectionString or TableServiceUri); the HTTP API will fail until it is")]
    private static partial void LogNoStorage(ILogger logger);
}
