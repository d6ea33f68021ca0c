using System.Collections.Concurrent;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>What the test-only queue functions saw: each delivery (body, dequeue count, when) and each completion.</summary>
public sealed class QueueProbe
{
    /// <summary>Deliveries in arrival order.</summary>
    public ConcurrentQueue<(string Body, long DequeueCount, DateTimeOffset At)> Delivered { get; } = new();

    /// <summary>Bodies whose invocation finished.</summary>
    public ConcurrentQueue<string> Completed { get; } = new();

    /// <summary>Holds every "slow" invocation until the test releases it.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Queue functions that exist only in the test assembly, found with <c>FunctionCatalog.Discover</c> and run by the
/// local host's poller exactly as it runs the app's: one always fails, one blocks on "slow" messages.
/// </summary>
public sealed class ProbeQueueFunctions(QueueProbe probe)
{
    /// <summary>The queue whose function always throws (a transient failure, as a storage outage would be).</summary>
    public const string FailingQueue = "localhost-failing";

    /// <summary>The queue whose function completes at once, except on a message "slow", which waits for the gate.</summary>
    public const string BatchQueue = "localhost-batch";

    /// <summary>Always fails.</summary>
    [Function("TestFailing")]
    public Task FailAsync([QueueTrigger(FailingQueue)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        probe.Delivered.Enqueue((message.Body.ToString(), message.DequeueCount, DateTimeOffset.UtcNow));
        throw new InvalidOperationException("test: the table service is unavailable");
    }

    /// <summary>Completes, or waits for the gate on "slow".</summary>
    [Function("TestBatch")]
    public async Task BatchAsync([QueueTrigger(BatchQueue)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.Body.ToString();
        probe.Delivered.Enqueue((body, message.DequeueCount, DateTimeOffset.UtcNow));
        if (body == "slow")
        {
            await probe.Gate.Task.WaitAsync(cancellationToken);
        }

        probe.Completed.Enqueue(body);
    }
}
