namespace Scheduler.Application.Alerts.Dispatch;

/// <summary>
/// What happened to one send. Expected failures are outcomes, not exceptions: the dispatcher decides from the
/// type whether to record success, wait and retry, or dead-letter with the reason.
/// </summary>
public abstract record DeliveryOutcome
{
    private DeliveryOutcome()
    {
    }

    /// <summary>Whether the provider accepted the message.</summary>
    public bool IsSent => this is Sent;

    /// <summary>Accepted by the provider (SendGrid 202, Service Bus 201, written to the outbox).</summary>
    /// <param name="ProviderId">The provider's id for the message, when it returns one (SendGrid <c>X-Message-Id</c>).</param>
    public sealed record Sent(string? ProviderId = null) : DeliveryOutcome;

    /// <summary>Throttled (HTTP 429): try again after <paramref name="Delay"/>.</summary>
    public sealed record RetryAfter(TimeSpan Delay, string Reason) : DeliveryOutcome;

    /// <summary>A failure that may pass (5xx, timeout, connection failure): retry with backoff.</summary>
    public sealed record Transient(string Reason) : DeliveryOutcome;

    /// <summary>A failure that retrying cannot fix (bad request, bad credentials, unknown queue): dead-letter it with the reason.</summary>
    public sealed record Permanent(string Reason, int? StatusCode = null) : DeliveryOutcome;
}
