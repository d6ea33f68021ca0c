using System.Collections.Concurrent;
using NodaTime;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Triggers;

/// <summary><see cref="ITriggerQueue"/> over the Storage Queue REST client (Azurite locally).</summary>
public sealed class StorageTriggerQueue(StorageConnection connection, QueueClientOptions? options = null) : ITriggerQueue
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync(string queueName, CancellationToken cancellationToken) =>
        Client(queueName).CreateIfNotExistsAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<TriggerQueueMessage?> ReceiveAsync(string queueName, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var messages = await Client(queueName).ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken);
        if (messages.Count == 0)
        {
            return null;
        }

        var m = messages[0];
        return new TriggerQueueMessage(
            m.MessageId,
            m.PopReceipt,
            (int)Math.Min(m.DequeueCount, int.MaxValue),
            m.MessageText,
            m.InsertedOn is { } inserted ? Instant.FromDateTimeOffset(inserted) : null);
    }

    /// <inheritdoc />
    public Task DeleteAsync(string queueName, TriggerQueueMessage message, CancellationToken cancellationToken) =>
        Client(queueName).DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);

    /// <inheritdoc />
    public async Task SendAsync(string queueName, string body, CancellationToken cancellationToken) =>
        await Client(queueName).SendMessageAsync(body, cancellationToken: cancellationToken);

    private QueueClient Client(string queueName) => _clients.GetOrAdd(queueName, name => new QueueClient(connection, name, options));
}
