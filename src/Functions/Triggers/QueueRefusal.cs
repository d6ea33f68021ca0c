using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using NodaTime;
using Scheduler.Application.Ports;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// How a queue function ends when its message can never succeed: the message goes to <c>&lt;queue&gt;-poison</c> at
/// once, with the reason, and the function completes. Anything else is rethrown, so the platform redelivers it and
/// poisons it itself after <c>maxDequeueCount</c> deliveries.
/// </summary>
public sealed class QueueRefusal(IPoisonQueue poison, IClock clock)
{
    /// <summary>Runs <paramref name="process"/>; a permanent refusal poisons the message, other failures propagate.</summary>
    public async Task RunAsync(string queueName, QueueMessage message, Func<string, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(process);
        var body = message.Body.ToString();
        try
        {
            await process(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Refusals.IsPermanent(ex))
        {
            var envelope = new PoisonEnvelope(Refusals.Describe(ex), clock.GetCurrentInstant(), message.DequeueCount, queueName, message.MessageId, AsJsonOrText(body));
            await poison.SendAsync(queueName, envelope, cancellationToken).ConfigureAwait(false);
        }
    }

    private static JsonNode? AsJsonOrText(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
