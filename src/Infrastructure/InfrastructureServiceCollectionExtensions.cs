using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduler.Infrastructure.Mail;
using Scheduler.Infrastructure.Queues;
using Scheduler.Infrastructure.ServiceBus;
using Scheduler.Infrastructure.Storage;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Infrastructure;

/// <summary>Registers the adapters behind every port, their options and the Azure SDK clients, once.</summary>
public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// The queue service version the client speaks. Azurite 3.35 refuses the SDK's default (2026-10-06); this one
    /// both Azurite and Azure accept.
    /// </summary>
    public const QueueClientOptions.ServiceVersion QueueServiceVersion = QueueClientOptions.ServiceVersion.V2025_11_05;

    /// <summary>
    /// Azurite closes idle sockets after 5 s; pooled connections must idle out first, or a request can go out on a
    /// socket the server has just closed.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Tables and queues on the storage account (a connection string locally, the service URIs with the managed
    /// identity in Azure), SendGrid or the local outbox for email, the optional Service Bus topic for sent alerts.
    /// </summary>
    public static IServiceCollection AddSchedulerInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IdentityOptions>().BindConfiguration("Scheduler");
        services.AddOptions<SendGridOptions>().BindConfiguration(SendGridOptions.Section);
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddOptions<ServiceBusOptions>().BindConfiguration(ServiceBusOptions.Section);

        var transport = new HttpClientTransport(new SocketsHttpHandler { PooledConnectionIdleTimeout = PooledConnectionIdleTimeout });
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(sp => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = sp.GetRequiredService<IOptions<IdentityOptions>>().Value.ManagedIdentityClientId is { Length: > 0 } id ? id : null,
            }));
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
            {
                options.Transport = transport;
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                return string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? new TableServiceClient(storage.TableServiceUri, credential, options)
                    : new TableServiceClient(storage.ConnectionString, options);
            });
            clients.AddClient<QueueServiceClient, QueueClientOptions>((_, credential, sp) =>
            {
                var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
                QueueServiceClient Create(QueueClientOptions options) => string.IsNullOrWhiteSpace(storage.ConnectionString)
                    ? new QueueServiceClient(storage.QueueServiceUri, credential, options)
                    : new QueueServiceClient(storage.ConnectionString, options);

                // As the Functions host builds its queue client: a message that is not base64 goes to poison unchanged.
                var plain = Create(new QueueClientOptions(QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None, Transport = transport });
                var options = new QueueClientOptions(QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64, Transport = transport };
                options.MessageDecodingFailed += UndecodableMessages.MoveToPoison(plain, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UndecodableMessages)));
                return Create(options);
            });
            clients.AddClient<ServiceBusClient, ServiceBusClientOptions>((options, credential, sp) =>
                new ServiceBusClient(sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value.FullyQualifiedNamespace, credential, options));
        });

        services.AddSingleton<SchedulerTables>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        services.AddSingleton<IAuthorityStore, AuthorityStore>();
        services.AddSingleton<IApiKeyStore, ApiKeyStore>();
        services.AddSingleton<ISubjectStore, SubjectStore>();
        services.AddSingleton<IDueIndexStore, DueIndexStore>();
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddSingleton<IAcknowledgementStore, AcknowledgementStore>();
        services.AddSingleton<IProcessedEventStore, ProcessedEventStore>();
        services.AddSingleton<IAlertLedger, AlertLedgerStore>();
        services.AddSingleton<ISweepStateStore, SweepStateStore>();
        services.AddSingleton<IRetentionStore, RetentionStore>();
        services.AddSingleton<IAuthorityPurger, AuthorityPurger>();
        services.AddSingleton<IMessageQueue, StorageQueueSender>();
        services.AddSingleton<IPoisonQueue, StoragePoisonQueue>();

        services.AddHttpClient(SendGridEmailSender.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<SendGridOptions>>().Value.Timeout);
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxEmailSender>());
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<SendGridOptions>>().Value.ApiKey)
            ? sp.GetRequiredService<OutboxEmailSender>()
            : sp.GetRequiredService<SendGridEmailSender>());
        services.AddSingleton<IAlertPublisher>(sp =>
        {
            var bus = sp.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            return bus.IsConfigured
                ? new ServiceBusAlertPublisher(sp.GetRequiredService<ServiceBusClient>().CreateSender(bus.Topic), sp.GetRequiredService<ILogger<ServiceBusAlertPublisher>>())
                : new NoAlertPublisher();
        });
        return services;
    }
}
