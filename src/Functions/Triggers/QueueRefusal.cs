using Azure.Storage.Queues.Models;
using NodaTime;
using Scheduler.Application.Ports;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// How a queue function ends when its message can never succeed: the message goes to <c>&lt;queue&gt;-poison</c> at
/// once, with the reason, and the function completes. A body that is not UTF-8 text is such a message too, refused
/// before it is read. Anything else is rethrown, so the platform redelivers it and poisons it itself after
/// <c>maxDequeueCount</c> deliveries.
/// </summary>
public sealed class QueueRefusal(IPoisonQueue poison, IClock clock)
{
    /// <summary>Runs <paramref name="process"/>; a permanent refusal poisons the message, other failures propagate.</summary>
    public async Task RunAsync(string queueName, QueueMessage message, Func<string, CancellationToken, Task> process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(process);
        string? body = null;
        try
        {
            body = JsonInput.Text(message.Body.ToMemory().Span);
            await process(body, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Refusals.IsPermanent(ex))
        {
            // A body that is not UTF-8 is kept as decoded with replacement characters: readable, and it cannot be replayed as it is anyway.
            // Values refused for their shape are withheld too; a refusal by the rules (dates in an impossible order) keeps them for replay.
            var withheld = ex is ValidationException v ? v.Errors.Select(e => e.Field) : [];
            var envelope = PoisonEnvelope.For(Refusals.Describe(ex), clock.GetCurrentInstant(), message.DequeueCount, queueName, message.MessageId, body ?? message.Body.ToString(), withheld);
            await poison.SendAsync(queueName, envelope, cancellationToken).ConfigureAwait(false);
        }
    }
}
