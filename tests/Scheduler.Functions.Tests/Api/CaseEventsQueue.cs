using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Scheduler.Application;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The real <c>case-events</c> queue and its poison queue on the shared Azurite, as the platform uses them: a
/// message is put on the queue, received (which counts a delivery), handed to the function, and deleted when the
/// function completes. The queue names are fixed, so a test drains both first.
/// </summary>
public sealed class CaseEventsQueue(AzuriteFixture azurite)
{
    /// <summary>How long a received message stays invisible to other receivers.</summary>
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);

    /// <summary>The queue.</summary>
    public QueueClient Queue { get; } = azurite.CreateQueueClient(QueueNames.CaseEvents);

    /// <summary>Its poison queue.</summary>
    public QueueClient Poison { get; } = azurite.CreateQueueClient(QueueNames.Poison(QueueNames.CaseEvents));

    /// <summary>Creates both queues if needed and empties them.</summary>
    public async Task DrainAsync()
    {
        foreach (var queue in new[] { Queue, Poison })
        {
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    /// <summary>Puts <paramref name="body"/> on the queue and receives it, as the trigger would.</summary>
    public async Task<QueueMessage> SendAndReceiveAsync(string body)
    {
        var sent = await Queue.SendMessageAsync(body);
        var message = await ReceiveAsync();
        Assert.Equal(sent.Value.MessageId, message.MessageId);
        return message;
    }

    /// <summary>Receives the next visible message (failing when there is none).</summary>
    public async Task<QueueMessage> ReceiveAsync()
    {
        var received = await Queue.ReceiveMessageAsync(Visibility);
        Assert.True(received.Value is not null, $"no message on {Queue.Name}");
        return received.Value;
    }

    /// <summary>Makes a received message visible again at once (the function failed), so the next receive is its next delivery.</summary>
    public Task ReleaseAsync(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
    }

    /// <summary>Deletes a received message (the function completed).</summary>
    public Task CompleteAsync(QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
    }

    /// <summary>How many messages are on the queue (visible or not).</summary>
    public async Task<int> CountAsync() => (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>Everything on the poison queue, parsed as JSON (the poison queue is left as it was).</summary>
    public async Task<IReadOnlyList<JsonNode>> PoisonedAsync()
    {
        var peeked = await Poison.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(m => JsonNode.Parse(m.Body.ToString())!)];
    }
}
