using Azure.Core;
using Azure.Storage.Queues;

namespace Scheduler.Infrastructure.Queues;

/// <summary>
/// What happens to a received message that is not valid base64 (the encoding the queue trigger reads): it is
/// moved at once, unchanged, to <c>&lt;queue&gt;-poison</c> through a client that does not encode, and deleted, as
/// the Functions host's queue extension does (its queue client carries the same handler). Without it the client
/// throws for the whole batch and the message comes back for ever. Only receives raise it; peeks are left alone.
/// </summary>
public static partial class UndecodableMessages
{
    /// <summary>The handler to add to the encoding client's options; <paramref name="plain"/> is a client of the same account without encoding.</summary>
    public static SyncAsyncEventHandler<QueueMessageDecodingFailedEventArgs> MoveToPoison(QueueServiceClient plain, ILogger logger) =>
        async args =>
        {
            if (args.ReceivedMessage is not { } message)
            {
                return;
            }

            var poison = plain.GetQueueClient(QueueNames.Poison(args.Queue.Name));
            await poison.SendMessageAsync(message.Body, cancellationToken: args.CancellationToken).ConfigureAwait(false);
            await args.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
            LogMoved(logger, message.MessageId, args.Queue.Name, poison.Name);
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Queue} is not valid base64; moved unchanged to {PoisonQueue}")]
    private static partial void LogMoved(ILogger logger, string messageId, string queue, string poisonQueue);
}
