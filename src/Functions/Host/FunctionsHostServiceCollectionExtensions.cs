using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Scheduler.Functions.Host;

/// <summary>Composition of the custom-handler framework and the built-in non-HTTP functions.</summary>
public static class FunctionsHostServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SchedulerOptions"/>, registers the invocation dispatcher and registry, the system clock,
    /// the <c>DailySweep</c>, <c>CaseEvents</c> and <c>AlertDispatch</c> handlers and their not-configured defaults.
    /// </summary>
    public static IServiceCollection AddFunctionsHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.SectionName));
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<InvocationDispatcher>();
        services.TryAddScoped<FunctionRegistry>();
        services.TryAddScoped<MessageProcessorResolver>();
        services.TryAddScoped<ISweepRunner, SweepNotConfiguredRunner>();

        services.TryAddSingleton<IPoisonQueue, PlatformPoisonQueue>();
        services.AddFunctionHandler<DailySweepFunction>();
        services.AddFunctionHandler<CaseEventsFunction>();
        services.AddFunctionHandler<AlertDispatchFunction>();
        return services;
    }

    /// <summary>Registers a non-HTTP function handler (scoped; one per invocation).</summary>
    public static IServiceCollection AddFunctionHandler<THandler>(this IServiceCollection services)
        where THandler : class, IFunctionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IFunctionHandler, THandler>());
        return services;
    }

    /// <summary>Registers the processor for one queue (scoped); at most one per queue name.</summary>
    public static IServiceCollection AddMessageProcessor<TProcessor>(this IServiceCollection services)
        where TProcessor : class, IMessageProcessor
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IMessageProcessor, TProcessor>());
        return services;
    }

    /// <summary>Replaces the not-configured sweep with the real one (scoped).</summary>
    public static IServiceCollection AddSweepRunner<TRunner>(this IServiceCollection services)
        where TRunner : class, ISweepRunner
    {
        services.Replace(ServiceDescriptor.Scoped<ISweepRunner, TRunner>());
        return services;
    }
}
