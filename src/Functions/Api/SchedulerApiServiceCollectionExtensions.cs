using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Functions.Application;
using Scheduler.Functions.Demo;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Api;

/// <summary>Composition of the state layer, the application services, the HTTP API and the case-events processor.</summary>
public static class SchedulerApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything the API needs. When <c>SCHEDULER_TODAY</c> (yyyy-MM-dd) is set, the clock starts on
    /// that day and runs on in real time (demos); otherwise the system clock registered by the host is used.
    /// </summary>
    public static IServiceCollection AddSchedulerApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[DemoClock.TodayVariable] is { Length: > 0 } today)
        {
            services.Replace(ServiceDescriptor.Singleton<IClock>(DemoClock.Parse(today, SystemClock.Instance)));
        }

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulerOptions>>();
            return new SchedulerTables(() => StorageAccount.CreateTableService(options.Value));
        });
        services.TryAddSingleton<SubjectStore>();
        services.TryAddSingleton<AuthorityStore>();
        services.TryAddSingleton<ApiKeyStore>();
        services.TryAddSingleton<AcknowledgementStore>();
        services.TryAddSingleton<ProcessedEventStore>();
        services.TryAddSingleton<AuditLog>();
        services.TryAddSingleton<AuthorityPurger>();
        services.TryAddSingleton<DueIndexWriter>();
        services.TryAddSingleton<DueIndexReader>();

        services.TryAddScoped<SubjectWriter>();
        services.TryAddScoped<SubjectRecomputer>();
        services.TryAddScoped<AuthorityService>();
        services.TryAddScoped<EpisodeService>();
        services.TryAddScoped<CaseService>();
        services.TryAddScoped<WorkListService>();
        services.TryAddScoped<AcknowledgementService>();
        services.TryAddScoped<DemoSeeder>();

        services.TryAddSingleton<ApiKeyAuthenticator>();
        services.TryAddScoped<AuthorityAccess>();
        services.AddMessageProcessor<CaseEventProcessor>();
        services.AddHostedService<StateInitializer>();
        services.AddOpenApi();
        return services;
    }
}
