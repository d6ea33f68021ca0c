namespace Scheduler.Functions.Alerts;

/// <summary>Service Bus settings (<c>Scheduler__ServiceBus__*</c>).</summary>
public sealed class ServiceBusOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:ServiceBus";

    /// <summary>The namespace host, for example <c>sb-sched-prod.servicebus.windows.net</c>.</summary>
    public string? FullyQualifiedNamespace { get; set; }

    /// <summary>Overrides <c>https://{FullyQualifiedNamespace}/</c> (tests point it at a local listener).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>How long one request may take before it counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The base address messages are posted under.</summary>
    public Uri ResolveEndpoint() =>
        Endpoint ?? (string.IsNullOrWhiteSpace(FullyQualifiedNamespace)
            ? throw new InvalidOperationException("Scheduler__ServiceBus__FullyQualifiedNamespace is not set.")
            : new Uri($"https://{FullyQualifiedNamespace.Trim().TrimEnd('/')}/"));
}
