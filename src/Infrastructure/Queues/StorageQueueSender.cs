using Azure.Storage.Queues;

namespace Scheduler.Infrastructure.Queues;

/// <summary>
/// Puts messages on the app's storage queues (created at start-up) through the official client, base64-encoded as
/// the queue trigger reads them. <see cref="OutgoingMessage.Delay"/> becomes the initial visibility timeout, so a
/// retry waits on the queue, not in a consumer.
/// </summary>
public sealed partial class StorageQueueSender(QueueServiceClient queues, ILogger<StorageQueueSender> logger) : IMessageQueue
{
    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var delay = message.Delay is { } d && d > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(d.TotalSeconds)) : (TimeSpan?)null;
            var receipt = await queues.GetQueueClient(queueName).SendMessageAsync(message.Body, delay, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSent(logger, queueName, message.MessageId, receipt.Value.MessageId);
            return new DeliveryOutcome.Sent(receipt.Value.MessageId);
        }
        catch (RequestFailedException ex)
        {
            LogFailure(logger, queueName, message.MessageId, ex.Status, ex.ErrorCode ?? string.Empty);
            return ex.Status is 0 or 408 or 429 or >= 500
                ? new DeliveryOutcome.Transient($"Queue {queueName} answered {ex.Status} {ex.ErrorCode}.")
                : new DeliveryOutcome.Permanent($"Queue {queueName} answered {ex.Status} {ex.ErrorCode}.", ex.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued message {MessageId} on {Queue} as storage message {StorageMessageId}")]
    private static partial void LogSent(ILogger logger, string queue, string messageId, string storageMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue send of message {MessageId} to {Queue} failed: {Status} {ErrorCode}")]
    private static partial void LogFailure(ILogger logger, string queue, string messageId, int status, string errorCode);
}
