using Azure.Storage.Queues;

namespace Scheduler.Infrastructure.Queues;

/// <summary>Writes poison envelopes to <c>&lt;queue&gt;-poison</c>, the queue the platform also poisons to.</summary>
public sealed partial class StoragePoisonQueue(QueueServiceClient queues, ILogger<StoragePoisonQueue> logger) : IPoisonQueue
{
    /// <inheritdoc />
    public async Task SendAsync(string queueName, PoisonEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var poison = QueueNames.Poison(queueName);
        await queues.GetQueueClient(poison).SendMessageAsync(StateJson.Serialize(envelope), cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, envelope.MessageId ?? "(none)", queueName, poison, envelope.DequeueCount, envelope.Reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved message {MessageId} from {Queue} to {PoisonQueue} on delivery {DequeueCount}: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount, string reason);
}
