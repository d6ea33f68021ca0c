using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Scheduler.Application.Demo;

namespace Scheduler.Functions.Hosting;

/// <summary>Seeds the demo authority at start-up when <c>Scheduler:SeedDemo</c> is true (local runs only).</summary>
public sealed class DemoSeeding(DemoSeeder seeder, IConfiguration configuration) : IHostedService
{
    /// <summary>The switch.</summary>
    public const string SeedDemoKey = "Scheduler:SeedDemo";

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        configuration.GetValue<bool>(SeedDemoKey) ? seeder.SeedAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
