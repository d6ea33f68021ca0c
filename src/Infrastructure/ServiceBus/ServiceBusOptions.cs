namespace Scheduler.Infrastructure.ServiceBus;

/// <summary>
/// Publishing of sent alerts to a Service Bus topic (section <c>Scheduler:ServiceBus</c>); both settings empty turns it
/// off. The managed identity needs Azure Service Bus Data Sender on the topic.
/// </summary>
public sealed class ServiceBusOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:ServiceBus";

    /// <summary>For example <c>sb-scheduler-prod.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>The topic sent alerts are published to, for example <c>alerts-sent</c>.</summary>
    public string? Topic { get; set; }

    /// <summary>Whether both settings are present.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(FullyQualifiedNamespace) && !string.IsNullOrWhiteSpace(Topic);
}
