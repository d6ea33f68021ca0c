using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;

namespace Scheduler.Infrastructure.Storage;

/// <summary>At start-up, creates the tables and queues (and poison queues) that do not exist yet, so a fresh account works.</summary>
public sealed partial class StorageInitializer(Tables.SchedulerTables tables, QueueServiceClient queues, ILogger<StorageInitializer> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        LogReady(logger, Tables.TableNames.All.Count, QueueNames.All.Count * 2);
    }

    /// <summary>Creates whatever is missing; idempotent.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var name in QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) }))
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Tables} tables and {Queues} queues exist")]
    private static partial void LogReady(ILogger logger, int tables, int queues);
}
