using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Scheduler.Functions.Triggers;

/// <summary>Composition of the local trigger runner.</summary>
public static class LocalTriggersServiceCollectionExtensions
{
    /// <summary>
    /// Registers the runner as a hosted service; it decides at start whether to run (see
    /// <see cref="LocalTriggerActivation.IsEnabled"/>). Queue triggers also need an <see cref="ITriggerQueue"/>.
    /// </summary>
    public static IServiceCollection AddLocalTriggers(this IServiceCollection services)
    {
        services.TryAddSingleton<IDelay, SystemDelay>();
        services.TryAddSingleton<LocalInvoker>();
        services.TryAddSingleton<TimerTriggerRunner>();
        services.AddHostedService<LocalTriggerService>();
        return services;
    }
}
