namespace Scheduler.Functions.Alerts;

/// <summary>Puts one message on a queue (Service Bus in Azure; an Azurite storage queue locally).</summary>
public interface IMessageSender
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="queueName"/>; never throws for an expected failure.</summary>
    Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A queue message: its id (the alert or digest key, for duplicate detection) and its JSON body.</summary>
/// <param name="MessageId">Deterministic id; Service Bus duplicate detection drops a second message with the same id.</param>
/// <param name="Body">The payload, usually JSON.</param>
/// <param name="ContentType">The payload's media type.</param>
public sealed record OutgoingMessage(string MessageId, string Body, string ContentType = "application/json")
{
    /// <summary>Delays the first delivery (storage queue visibility timeout; Service Bus <c>ScheduledEnqueueTimeUtc</c>).</summary>
    public TimeSpan? Delay { get; init; }
}
