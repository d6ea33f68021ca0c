namespace Scheduler.Functions.Host;

/// <summary>Application settings bound from the <c>Scheduler</c> configuration section (env vars <c>Scheduler__*</c>).</summary>
public sealed class SchedulerOptions
{
    /// <summary>Configuration section the options bind from.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>Table and queue storage access.</summary>
    public StorageSettings Storage { get; set; } = new();

    /// <summary>Client id of the user-assigned managed identity (Azure only).</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Which transport carries case events and alert messages.</summary>
    public MessagingSettings Messaging { get; set; } = new();

    /// <summary>Service Bus namespace used when the transport is Service Bus.</summary>
    public ServiceBusSettings ServiceBus { get; set; } = new();

    /// <summary>SendGrid mail delivery; an empty key means the local outbox is used.</summary>
    public SendGridSettings SendGrid { get; set; } = new();

    /// <summary>Local outbox for e-mails when SendGrid is not configured.</summary>
    public OutboxSettings Outbox { get; set; } = new();

    /// <summary>Daily sweep schedule.</summary>
    public SweepSettings Sweep { get; set; } = new();

    /// <summary>Base URL used for links in e-mails.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Hex SHA-256 of the operator API key.</summary>
    public string? OperatorKeySha256 { get; set; }

    /// <summary>Audit and ledger retention.</summary>
    public RetentionSettings Retention { get; set; } = new();

    /// <summary>The local trigger runner used outside the Functions host.</summary>
    public LocalTriggerSettings LocalTriggers { get; set; } = new();
}

/// <summary>Storage account access: a connection string locally, service URIs plus managed identity in Azure.</summary>
public sealed class StorageSettings
{
    /// <summary>Shared-key connection string (Azurite or local).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table service endpoint used with managed identity.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Queue service endpoint used with managed identity.</summary>
    public string? QueueServiceUri { get; set; }
}

/// <summary>Message transport selection.</summary>
public sealed class MessagingSettings
{
    /// <summary><c>StorageQueues</c> (local, default) or <c>ServiceBus</c> (Azure).</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.StorageQueues;
}

/// <summary>The transports case events and alert messages can travel on.</summary>
public enum MessagingTransport
{
    /// <summary>Azure Storage queues (Azurite locally).</summary>
    StorageQueues,

    /// <summary>Azure Service Bus queues.</summary>
    ServiceBus,
}

/// <summary>Service Bus namespace settings.</summary>
public sealed class ServiceBusSettings
{
    /// <summary>For example <c>sb-sched-prod.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }
}

/// <summary>SendGrid v3 settings.</summary>
public sealed class SendGridSettings
{
    /// <summary>API key; empty locally, which selects the outbox.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Sender address.</summary>
    public string? FromAddress { get; set; }

    /// <summary>API base URL.</summary>
    public string BaseUrl { get; set; } = "https://api.sendgrid.com";
}

/// <summary>Local e-mail outbox settings.</summary>
public sealed class OutboxSettings
{
    /// <summary>Folder that receives .eml files.</summary>
    public string Directory { get; set; } = ".local/outbox";
}

/// <summary>Sweep settings.</summary>
public sealed class SweepSettings
{
    /// <summary>Default schedule: 06:00 UTC daily.</summary>
    public const string DefaultSchedule = "0 0 6 * * *";

    /// <summary>NCrontab expression with seconds, UTC.</summary>
    public string Schedule { get; set; } = DefaultSchedule;
}

/// <summary>Retention settings.</summary>
public sealed class RetentionSettings
{
    /// <summary>Years audit and ledger rows are kept.</summary>
    public int Years { get; set; } = 6;
}

/// <summary>Settings of the local trigger runner (timers and queue polling outside the Functions host).</summary>
public sealed class LocalTriggerSettings
{
    /// <summary>Platform default for the maximum deliveries before a message is poisoned.</summary>
    public const int DefaultMaxDequeueCount = 5;

    /// <summary>Explicit switch; when unset the runner is on whenever the Functions host is absent.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Folder holding <c>&lt;Name&gt;/function.json</c>, relative to the working directory.</summary>
    public string FunctionsDirectory { get; set; } = "functions";

    /// <summary>Deliveries after which a failing message moves to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = DefaultMaxDequeueCount;

    /// <summary>How long a received message stays invisible before it is redelivered.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait after finding a queue empty.</summary>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
