using NodaTime;
using Scheduler.Functions.Host;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// Forwards a message the handler gives up on to <c>&lt;queue&gt;-poison</c> through the message sender (Service Bus
/// in Azure), in the same envelope the local runner writes, so the reason travels with the message.
/// </summary>
public sealed partial class MessageSenderPoisonQueue(IMessageSender sender, IClock clock, ILogger<MessageSenderPoisonQueue> logger) : IPoisonQueue
{
    /// <inheritdoc />
    public int MaxDeliveries => LocalTriggerSettings.DefaultMaxDequeueCount;

    /// <inheritdoc />
    public async Task<bool> TryMoveAsync(string body, MessageContext context, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var poison = QueuePoller.PoisonQueueName(context.QueueName);
        var envelope = QueuePoller.PoisonEnvelope(reason, clock.GetCurrentInstant(), context.DeliveryCount, context.QueueName, context.MessageId, body);
        // The poison message keeps the original id, so a retried forward is dropped by duplicate detection.
        var id = context.MessageId ?? Guid.NewGuid().ToString("N");
        var outcome = await sender.SendAsync(poison, new OutgoingMessage(id, envelope.ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (outcome is DeliveryOutcome.Sent)
        {
            LogMoved(logger, context.QueueName, context.MessageId, poison, context.DeliveryCount, reason);
            return true;
        }

        LogNotMoved(logger, context.QueueName, context.MessageId, poison, outcome.ToString());
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} from {Queue} moved to {PoisonQueue} after delivery {DeliveryCount}: {Reason}")]
    private static partial void LogMoved(ILogger logger, string queue, string? messageId, string poisonQueue, int deliveryCount, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Queue} could not be moved to {PoisonQueue} ({Outcome}); the platform keeps it")]
    private static partial void LogNotMoved(ILogger logger, string queue, string? messageId, string poisonQueue, string outcome);
}
