using System.Collections.Concurrent;
using Azure;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Sweep;

/// <summary>
/// <see cref="IMessageSender"/> over an Azurite (or Azure) storage queue, the local stand-in for Service Bus. Storage
/// queues have no duplicate detection, so <see cref="OutgoingMessage.MessageId"/> is only carried in the body; the
/// dispatcher's ledger check is what makes a second copy harmless. <see cref="OutgoingMessage.Delay"/> becomes the
/// message's initial visibility timeout.
/// </summary>
public sealed class StorageQueueMessageSender(StorageConnection connection, QueueClientOptions? options = null) : IMessageSender
{
    private readonly ConcurrentDictionary<string, QueueClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _created = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        QueueClient client;
        try
        {
            client = _clients.GetOrAdd(queueName, name => new QueueClient(connection, name, options));
        }
        catch (ArgumentException ex)
        {
            return new DeliveryOutcome.Permanent($"'{queueName}' is not a queue name: {ex.Message}");
        }

        try
        {
            if (!_created.ContainsKey(queueName))
            {
                await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                _created[queueName] = true;
            }

            var delay = message.Delay is { } d && d > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(d.TotalSeconds)) : (TimeSpan?)null;
            var receipt = await client.SendMessageAsync(message.Body, delay, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new DeliveryOutcome.Sent(receipt.MessageId);
        }
        catch (ArgumentException ex)
        {
            return new DeliveryOutcome.Permanent(ex.Message);
        }
        catch (RequestFailedException ex) when (ex.Status is >= 400 and < 500 and not 408 and not 429)
        {
            return new DeliveryOutcome.Permanent($"Queue {queueName} refused the message: {ex.Message}");
        }
        catch (RequestFailedException ex)
        {
            return new DeliveryOutcome.Transient($"Queue {queueName} is unavailable: {ex.Message}");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome.Transient($"Queue {queueName} is unreachable: {ex.Message}");
        }
    }
}
