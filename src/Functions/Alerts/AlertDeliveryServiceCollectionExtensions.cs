using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Alerts;

/// <summary>Registers the alert delivery adapters from configuration.</summary>
public static class AlertDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IEmailSender"/>: SendGrid when <c>Scheduler__SendGrid__ApiKey</c> is set, else the local outbox
    /// (<see cref="OutboxEmailSender"/> is registered either way, for <c>/api/ops/outbox</c>). When
    /// <c>Scheduler__Messaging__Transport</c> is <c>ServiceBus</c>, <see cref="IMessageSender"/> is the Service Bus
    /// REST sender with a managed-identity token credential; otherwise (<c>StorageQueues</c>, the default) it is the
    /// storage queue sender on <c>Scheduler__Storage__ConnectionString</c> or <c>Scheduler__Storage__QueueServiceUri</c>.
    /// </summary>
    public static IServiceCollection AddAlertDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        var sendGrid = configuration.GetSection(SendGridOptions.Section).Get<SendGridOptions>() ?? new SendGridOptions();
        var outbox = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        var serviceBus = configuration.GetSection(ServiceBusOptions.Section).Get<ServiceBusOptions>() ?? new ServiceBusOptions();

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(new DeliveryRetry());
        services.AddSingleton(sendGrid);
        services.AddSingleton(outbox);
        services.AddSingleton(serviceBus);
        services.AddSingleton<OutboxEmailSender>();
        services.AddHttpClient(nameof(SendGridEmailSender));
        services.AddHttpClient(nameof(ServiceBusRestSender));

        services.AddSingleton<IEmailSender>(sp =>
        {
            IEmailSender inner = string.IsNullOrWhiteSpace(sendGrid.ApiKey)
                ? sp.GetRequiredService<OutboxEmailSender>()
                : new SendGridEmailSender(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridEmailSender)),
                    sendGrid,
                    sp.GetRequiredService<IClock>(),
                    sp.GetRequiredService<ILogger<SendGridEmailSender>>());
            return new RetryingEmailSender(inner, sp.GetRequiredService<DeliveryRetry>());
        });

        var clientId = configuration["Scheduler:ManagedIdentityClientId"];
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId,
        }));

        if (string.Equals(configuration["Scheduler:Messaging:Transport"], "ServiceBus", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<ServiceBusRestSender>(sp => new ServiceBusRestSender(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ServiceBusRestSender)),
                serviceBus,
                sp.GetRequiredService<TokenCredential>(),
                sp.GetRequiredService<IClock>(),
                sp.GetRequiredService<ILogger<ServiceBusRestSender>>()));
            services.AddSingleton<IMessageSender>(sp =>
                new RetryingMessageSender(sp.GetRequiredService<ServiceBusRestSender>(), sp.GetRequiredService<DeliveryRetry>()));

            // Under the Functions host a custom handler cannot dead-letter a Service Bus message with a reason:
            // it forwards the message to <queue>-poison itself (see IPoisonQueue).
            services.Replace(ServiceDescriptor.Singleton<IPoisonQueue, MessageSenderPoisonQueue>());
        }
        else if (StorageQueueConnection(configuration) is { } connect)
        {
            // The storage pipeline retries transient failures itself, so no extra retry decorator here.
            services.AddSingleton<IMessageSender>(sp => new StorageQueueMessageSender(
                connect(sp), sp.GetRequiredService<ILogger<StorageQueueMessageSender>>()));
        }

        return services;
    }

    private static Func<IServiceProvider, StorageConnection>? StorageQueueConnection(IConfiguration configuration)
    {
        var connectionString = configuration["Scheduler:Storage:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return _ => StorageConnection.Parse(connectionString);
        }

        var queueServiceUri = configuration["Scheduler:Storage:QueueServiceUri"];
        return string.IsNullOrWhiteSpace(queueServiceUri)
            ? null
            : sp => StorageConnection.FromServiceUris(null, new Uri(queueServiceUri), sp.GetRequiredService<TokenCredential>());
    }
}
