using NodaTime;

namespace Scheduler.Functions.Triggers;

/// <summary>The few storage-queue operations the local poller needs (implemented over the Queue REST client).</summary>
public interface ITriggerQueue
{
    /// <summary>Creates the queue when it does not exist.</summary>
    Task CreateIfNotExistsAsync(string queueName, CancellationToken cancellationToken);

    /// <summary>Receives one message, hiding it for <paramref name="visibilityTimeout"/>; null when the queue is empty.</summary>
    Task<TriggerQueueMessage?> ReceiveAsync(string queueName, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Deletes a received message.</summary>
    Task DeleteAsync(string queueName, TriggerQueueMessage message, CancellationToken cancellationToken);

    /// <summary>Sends a text message.</summary>
    Task SendAsync(string queueName, string body, CancellationToken cancellationToken);
}

/// <summary>A received storage-queue message.</summary>
/// <param name="MessageId">Queue message id.</param>
/// <param name="PopReceipt">Receipt needed to delete it.</param>
/// <param name="DequeueCount">1 on first delivery.</param>
/// <param name="Body">Decoded message text.</param>
/// <param name="InsertedOn">When it was enqueued, if known.</param>
public sealed record TriggerQueueMessage(string MessageId, string PopReceipt, int DequeueCount, string Body, Instant? InsertedOn);
