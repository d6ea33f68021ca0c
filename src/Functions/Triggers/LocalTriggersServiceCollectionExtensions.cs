using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Triggers;

/// <summary>Composition of the local trigger runner.</summary>
public static class LocalTriggersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runner as a hosted service; it decides at start whether to run (see
    /// <see cref="LocalTriggerActivation.IsEnabled"/>). Queue triggers poll through <see cref="ITriggerQueue"/>,
    /// by default the Storage Queue REST client on <c>Scheduler:Storage:ConnectionString</c>.
    /// </summary>
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services)
    {
        services.TryAddSingleton<IDelay, SystemDelay>();
        services.TryAddSingleton<LocalInvoker>();
        services.TryAddSingleton<TimerTriggerRunner>();
        services.TryAddSingleton<ITriggerQueue>(sp =>
        {
            var connectionString = sp.GetRequiredService<IOptions<SchedulerOptions>>().Value.Storage.ConnectionString;
            return string.IsNullOrWhiteSpace(connectionString)
                ? throw new InvalidOperationException(
                    "Local queue triggers poll storage queues and need Scheduler:Storage:ConnectionString (Azurite locally).")
                : new StorageTriggerQueue(StorageConnection.Parse(connectionString));
        });
        services.AddHostedService<LocalTriggerService>();
        return services;
    }
}
