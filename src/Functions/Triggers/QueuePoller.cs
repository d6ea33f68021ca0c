using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// Polls one storage queue and invokes its function per message, with the platform's poison behaviour:
/// a failed message is redelivered after its visibility timeout; after the maximum deliveries, or at once on a
/// permanent failure, it moves to <c>&lt;queue&gt;-poison</c> inside a reason envelope and is deleted.
/// </summary>
public sealed partial class QueuePoller(
    ITriggerQueue queue,
    LocalInvoker invoker,
    IClock clock,
    IDelay delay,
    IOptions<SchedulerOptions> options,
    ILogger<QueuePoller> logger)
{
    private readonly LocalTriggerSettings _settings = options.Value.LocalTriggers;

    /// <summary>Name of the poison queue for <paramref name="queueName"/>.</summary>
    public static string PoisonQueueName(string queueName) => queueName + "-poison";

    /// <summary>Polls until cancelled.</summary>
    /// <param name="functionName">Function to invoke.</param>
    /// <param name="bindingName">Trigger binding name (the key under <c>Data</c>).</param>
    /// <param name="triggerType">function.json trigger type; decides the metadata names (Service Bus or storage queue).</param>
    /// <param name="queueName">Queue to poll.</param>
    /// <param name="cancellationToken">Stops polling; an in-flight message simply becomes visible again.</param>
    public async Task RunAsync(string functionName, string bindingName, string triggerType, string queueName, CancellationToken cancellationToken)
    {
        var idle = _settings.MinPollInterval;
        var ready = false;
        LogStarted(logger, functionName, queueName, _settings.MaxDequeueCount, _settings.VisibilityTimeout);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await queue.CreateIfNotExistsAsync(queueName, cancellationToken);
                    await queue.CreateIfNotExistsAsync(PoisonQueueName(queueName), cancellationToken);
                    ready = true;
                }

                var message = await queue.ReceiveAsync(queueName, _settings.VisibilityTimeout, cancellationToken);
                if (message is null)
                {
                    await delay.DelayAsync(idle, cancellationToken);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _settings.MaxPollInterval.Ticks));
                    continue;
                }

                idle = _settings.MinPollInterval;
                await HandleAsync(functionName, bindingName, triggerType, queueName, message, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Storage unreachable or a poison move failed: the message stays in its queue and comes back.
                LogQueueError(logger, ex, queueName, idle);
                try
                {
                    await delay.DelayAsync(_settings.MaxPollInterval, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        LogStopped(logger, functionName, queueName);
    }

    private async Task HandleAsync(string functionName, string bindingName, string triggerType, string queueName, TriggerQueueMessage message, CancellationToken cancellationToken)
    {
        var max = _settings.MaxDequeueCount;
        if (message.DequeueCount > max)
        {
            // Delivered more often than allowed without an outcome being recorded (e.g. the process died mid-way).
            await MoveToPoisonAsync(queueName, message,
                $"Delivered {message.DequeueCount} times, more than the maximum of {max}, without completing.", cancellationToken);
            return;
        }

        var result = await invoker.InvokeAsync(
            functionName,
            new JsonObject { [bindingName] = message.Body },
            Metadata(triggerType, message),
            triggerType.Equals(BindingTypes.QueueTrigger, StringComparison.OrdinalIgnoreCase) ? "QueueTrigger" : "ServiceBusTrigger",
            cancellationToken);

        switch (result.Outcome)
        {
            case InvocationOutcome.Succeeded:
                await queue.DeleteAsync(queueName, message, cancellationToken);
                LogCompleted(logger, queueName, message.MessageId, message.DequeueCount);
                break;
            case InvocationOutcome.PermanentlyFailed:
                await MoveToPoisonAsync(queueName, message, result.Error ?? "Permanent failure.", cancellationToken);
                break;
            case InvocationOutcome.Failed when message.DequeueCount >= max:
                await MoveToPoisonAsync(queueName, message,
                    $"Failed on all {message.DequeueCount} deliveries (maximum {max}). Last error: {result.Error}", cancellationToken);
                break;
            default:
                LogWillRetry(logger, queueName, message.MessageId, message.DequeueCount, max, _settings.VisibilityTimeout, result.Error);
                break;
        }
    }

    private async Task MoveToPoisonAsync(string queueName, TriggerQueueMessage message, string reason, CancellationToken cancellationToken)
    {
        var poison = PoisonQueueName(queueName);
        var envelope = PoisonEnvelope(reason, clock.GetCurrentInstant(), message, queueName);
        // Send first, delete second: a crash in between duplicates into poison rather than losing the message.
        await queue.SendAsync(poison, envelope.ToJsonString(), cancellationToken);
        await queue.DeleteAsync(queueName, message, cancellationToken);
        LogPoisoned(logger, queueName, message.MessageId, poison, message.DequeueCount, reason);
    }

    /// <summary>The poison envelope: reason, failedAt, dequeueCount and the original message (as JSON when it is JSON).</summary>
    public static JsonObject PoisonEnvelope(string reason, Instant failedAt, TriggerQueueMessage message, string queueName) =>
        PoisonEnvelope(reason, failedAt, message.DequeueCount, queueName, message.MessageId, message.Body);

    /// <summary>The poison envelope from its parts (also written by the handler itself under the Functions host).</summary>
    public static JsonObject PoisonEnvelope(string reason, Instant failedAt, int deliveryCount, string queueName, string? messageId, string body) => new()
    {
        ["reason"] = reason,
        ["failedAt"] = LocalInvoker.Iso(failedAt),
        ["dequeueCount"] = deliveryCount,
        ["queueName"] = queueName,
        ["messageId"] = messageId,
        ["originalMessage"] = AsJsonOrText(body),
    };

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

    private static JsonObject Metadata(string triggerType, TriggerQueueMessage message)
    {
        var inserted = message.InsertedOn is { } at ? LocalInvoker.Iso(at) : null;
        return triggerType.Equals(BindingTypes.QueueTrigger, StringComparison.OrdinalIgnoreCase)
            ? new JsonObject
            {
                ["DequeueCount"] = message.DequeueCount,
                ["Id"] = message.MessageId,
                ["PopReceipt"] = message.PopReceipt,
                ["InsertionTime"] = inserted,
            }
            : new JsonObject
            {
                ["DeliveryCount"] = message.DequeueCount,
                ["MessageId"] = message.MessageId,
                ["EnqueuedTimeUtc"] = inserted,
            };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling queue {QueueName} for {FunctionName} (max deliveries {MaxDequeueCount}, visibility {VisibilityTimeout})")]
    private static partial void LogStarted(ILogger logger, string functionName, string queueName, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Completed message {MessageId} from {QueueName} on delivery {DequeueCount}")]
    private static partial void LogCompleted(ILogger logger, string queueName, string messageId, int dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} from {QueueName} failed on delivery {DequeueCount} of {MaxDequeueCount}; redelivered after {VisibilityTimeout}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, string queueName, string messageId, int dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Moved message {MessageId} from {QueueName} to {PoisonQueue} after {DequeueCount} deliveries: {Reason}")]
    private static partial void LogPoisoned(ILogger logger, string queueName, string messageId, string poisonQueue, int dequeueCount, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Polling {QueueName} failed; retrying (idle interval {Idle})")]
    private static partial void LogQueueError(ILogger logger, Exception exception, string queueName, TimeSpan idle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped polling {QueueName} for {FunctionName}")]
    private static partial void LogStopped(ILogger logger, string functionName, string queueName);
}
