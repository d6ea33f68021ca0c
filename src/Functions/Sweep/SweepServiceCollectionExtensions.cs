using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Dispatch;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Sweep;

/// <summary>Composition of the daily sweep, the alert ledger and the <c>alert-dispatch</c> processor.</summary>
public static class SweepServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sweep as the host's <see cref="ISweepRunner"/>, the dispatcher as the <c>alert-dispatch</c>
    /// processor, the email and message senders (<see cref="AlertDeliveryServiceCollectionExtensions.AddAlertDelivery"/>:
    /// Service Bus in Azure, the storage queue locally), and the table stores they read, unless already registered. Without table
    /// storage settings nothing is registered, so the host keeps its "sweep not configured" runner and poisons
    /// <c>alert-dispatch</c> messages with "no processor" rather than failing at start.
    /// </summary>
    public static IServiceCollection AddSweep(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SweepOptions>().Bind(configuration.GetSection(SweepOptions.Section));
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section));
        services.AddAlertDelivery(configuration);
        if (string.IsNullOrWhiteSpace(configuration["Scheduler:Storage:ConnectionString"])
            && string.IsNullOrWhiteSpace(configuration["Scheduler:Storage:TableServiceUri"]))
        {
            return services;
        }

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SchedulerOptions>>();
            return new SchedulerTables(() => StorageAccount.CreateTableService(options.Value));
        });
        services.TryAddSingleton<SubjectStore>();
        services.TryAddSingleton<DueIndexWriter>();
        services.TryAddSingleton<DueIndexReader>();
        services.TryAddSingleton<RetentionPurger>();
        services.TryAddSingleton<AuthorityStore>();
        services.TryAddSingleton<AcknowledgementStore>();
        services.TryAddSingleton<AlertLedgerStore>();
        services.TryAddSingleton<SweepStateStore>();

        services.AddSweepRunner<SweepRunner>();
        services.AddMessageProcessor<AlertDispatchProcessor>();
        return services;
    }
}
