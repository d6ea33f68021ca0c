using Azure.Storage.Queues;

namespace Scheduler.Infrastructure.Queues;

/// <summary>
/// Writes poison envelopes to <c>&lt;queue&gt;-poison</c>, the queue the platform also poisons to. An envelope always
/// fits one queue message (<see cref="MaxMessageBytes"/>; a longer original is kept truncated, and says so) and
/// lives <see cref="TimeToLive"/>, longer than a queue message's default of 7 days.
/// </summary>
public sealed partial class StoragePoisonQueue(QueueServiceClient queues, ILogger<StoragePoisonQueue> logger) : IPoisonQueue
{
    /// <summary>
    /// The most UTF-8 bytes of envelope JSON per message: a queue message holds 64 KiB once base64-encoded, that is
    /// 49,152 bytes before encoding; this leaves a margin.
    /// </summary>
    public const int MaxMessageBytes = 48_000;

    /// <summary>How long an envelope stays on the poison queue unless someone replays or deletes it.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(30);

    /// <inheritdoc />
    public async Task SendAsync(string queueName, PoisonEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var poison = QueueNames.Poison(queueName);
        var json = envelope.ToJson(MaxMessageBytes);
        await queues.GetQueueClient(poison).SendMessageAsync(json, visibilityTimeout: null, timeToLive: TimeToLive, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, envelope.MessageId ?? "(none)", queueName, poison, envelope.DequeueCount, envelope.Reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moved message {MessageId} from {Queue} to {PoisonQueue} on delivery {DequeueCount}: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, string poisonQueue, long dequeueCount, string reason);
}
