using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Application;
using Scheduler.Functions.Meta;

namespace Scheduler.LocalHost;

/// <summary>
/// Polls each <c>[QueueTrigger]</c> function's queue with the platform's behaviour (host.json
/// <c>extensions.queues</c>): base64 messages fetched a batch at a time and processed concurrently, so one slow or
/// failing message never holds up the rest; a message whose function throws becomes visible again after the
/// visibility timeout, and after <c>maxDequeueCount</c> deliveries it is moved, as it is, to <c>&lt;queue&gt;-poison</c>.
/// A message that is not base64 is moved there unchanged as soon as it is received (the app's queue client does it,
/// as the Functions host's does), so it never holds up its batch.
/// </summary>
public sealed partial class QueueTriggers(
    IEnumerable<FunctionEntry> functions, FunctionInvoker invoker, QueueServiceClient queues, QueueHostOptions options, ILogger<QueueTriggers> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(functions.Where(f => f.Trigger is QueueTriggerAttribute).Select(f => PollAsync(f, stoppingToken)));

    private async Task PollAsync(FunctionEntry function, CancellationToken stoppingToken)
    {
        var queueName = ((QueueTriggerAttribute)function.Trigger).QueueName;
        var queue = queues.GetQueueClient(queueName);
        var poison = queues.GetQueueClient(QueueNames.Poison(queueName));
        var running = new HashSet<Task>();
        var idle = MinimumPollingInterval;
        LogPolling(logger, function.Name, queueName, options.BatchSize, options.MaxDequeueCount);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                running.RemoveWhere(t => t.IsCompleted);
                if (running.Count > options.NewBatchThreshold)
                {
                    await Task.WhenAny(running).ConfigureAwait(false);
                    continue;
                }

                // The platform's visibility while a message is being processed is 10 minutes, renewed as needed; the
                // local host only needs it to outlast one invocation.
                var batch = await queue.ReceiveMessagesAsync(Math.Min(32, options.BatchSize), TimeSpan.FromMinutes(10), stoppingToken).ConfigureAwait(false);
                if (batch.Value.Length == 0)
                {
                    await Task.Delay(idle, stoppingToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
                    continue;
                }

                idle = MinimumPollingInterval;
                foreach (var message in batch.Value)
                {
                    running.Add(HandleAsync(function, queue, poison, message, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Storage unreachable, or anything else: the poller carries on; messages stay in their queue and come back.
                LogQueueError(logger, ex, queueName);
                await Task.Delay(options.MaxPollingInterval, stoppingToken).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private async Task HandleAsync(FunctionEntry function, QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await invoker.InvokeAsync(function, message, new Dictionary<string, string?>(), stoppingToken).ConfigureAwait(false);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again and is redelivered.
        }
        catch (Exception ex)
        {
            await FailedAsync(function, queue, poison, message, ex).ConfigureAwait(false);
        }
    }

    private async Task FailedAsync(FunctionEntry function, QueueClient queue, QueueClient poison, QueueMessage message, Exception exception)
    {
        try
        {
            if (message.DequeueCount >= options.MaxDequeueCount)
            {
                // As the platform does: the original message, unchanged, to the poison queue; then off the queue.
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None).ConfigureAwait(false);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
                LogPoisoned(logger, exception, function.Name, message.MessageId, message.DequeueCount, poison.Name);
                return;
            }

            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None)
                .ConfigureAwait(false);
            LogWillRetry(logger, exception, function.Name, message.MessageId, message.DequeueCount, options.MaxDequeueCount, options.VisibilityTimeout);
        }
        catch (RequestFailedException ex)
        {
            // The receipt expired or storage failed: the message comes back by itself when its visibility lapses.
            LogQueueError(logger, ex, queue.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling queue {Queue} for {Function} (batch {BatchSize}, max dequeue count {MaxDequeueCount})")]
    private static partial void LogPolling(ILogger logger, string function, string queue, int batchSize, int maxDequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {MessageId} (delivery {DequeueCount} of {MaxDequeueCount}); visible again in {VisibilityTimeout}")]
    private static partial void LogWillRetry(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, int maxDequeueCount, TimeSpan visibilityTimeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed on message {MessageId} on delivery {DequeueCount}; moved to {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, Exception exception, string function, string messageId, long dequeueCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Queue} is unreachable; retrying")]
    private static partial void LogQueueError(ILogger logger, Exception exception, string queue);
}
