namespace Scheduler.Application.Ports;

/// <summary>Puts one message on one of the app's queues.</summary>
public interface IMessageQueue
{
    /// <summary>Sends <paramref name="message"/> to <paramref name="queueName"/>; never throws for an expected failure.</summary>
    Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken);
}

/// <summary>A queue message: its id (the digest key, for logs) and its JSON body, optionally delayed.</summary>
/// <param name="MessageId">Deterministic id of the message.</param>
/// <param name="Body">The payload, JSON.</param>
public sealed record OutgoingMessage(string MessageId, string Body)
{
    /// <summary>Delays the first delivery (the queue message's initial visibility timeout).</summary>
    public TimeSpan? Delay { get; init; }
}
