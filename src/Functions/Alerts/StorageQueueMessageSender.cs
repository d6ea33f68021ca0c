using System.Collections.Concurrent;
using Azure;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// The local-run <see cref="IMessageSender"/>: an Azurite (or Azure) storage queue through the Queue REST client.
/// Storage queues have no duplicate detection, so the message id only goes to the logs; consumers stay idempotent
/// through the alert ledger. Queues are created on first use. <see cref="OutgoingMessage.Delay"/> becomes the
/// message's initial visibility timeout (whole seconds, rounded up).
/// </summary>
public sealed partial class StorageQueueMessageSender(StorageConnection connection, ILogger<StorageQueueMessageSender> logger, QueueClientOptions? options = null)
    : IMessageSender
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            QueueClient.ValidateQueueName(queueName);
            var queue = await QueueAsync(queueName, cancellationToken).ConfigureAwait(false);
            var delay = message.Delay is { } d && d > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(d.TotalSeconds)) : (TimeSpan?)null;
            var receipt = await queue.SendMessageAsync(message.Body, delay, cancellationToken: cancellationToken).ConfigureAwait(false);
            LogSent(logger, queueName, message.MessageId, receipt.MessageId);
            return new DeliveryOutcome.Sent(receipt.MessageId);
        }
        catch (ArgumentException ex)
        {
            LogFailure(logger, queueName, message.MessageId, ex.Message);
            return new DeliveryOutcome.Permanent(ex.Message);
        }
        catch (RequestFailedException ex)
        {
            // A failed queue creation must not stick: the next send tries again.
            _queues.TryRemove(queueName, out _);
            LogFailure(logger, queueName, message.MessageId, ex.Message);
            return ex.Status is 0 or 408 or >= 500
                ? new DeliveryOutcome.Transient(ex.Message)
                : new DeliveryOutcome.Permanent(ex.Message, ex.Status);
        }
        catch (OperationCanceledException)
        {
            // A cancelled queue creation must not stick either.
            _queues.TryRemove(queueName, out _);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogFailure(logger, queueName, message.MessageId, "timeout");
            return new DeliveryOutcome.Transient($"Queue {queueName} did not answer in time.");
        }
    }

    private Task<QueueClient> QueueAsync(string queueName, CancellationToken cancellationToken) =>
        _queues.GetOrAdd(queueName, name => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = new QueueClient(connection, name, options);
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            return client;
        })).Value;

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued message {MessageId} on {Queue} as storage message {StorageMessageId}")]
    private static partial void LogSent(ILogger logger, string queue, string messageId, string storageMessageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue send of message {MessageId} to {Queue} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string queue, string messageId, string reason);
}
