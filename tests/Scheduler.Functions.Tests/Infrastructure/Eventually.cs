using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>Waiting for what background work (pollers, timers) does, within a bound, and reading queues for it.</summary>
public static class Eventually
{
    /// <summary>The default bound: generous, because the machine is shared and slow at times.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="bound"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + (bound ?? Bound);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Not within {(bound ?? Bound).TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls a synchronous <paramref name="condition"/>.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? bound = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, bound);

    /// <summary>Creates the queue if needed and deletes every message in it (queue names are shared by the tests of a run).</summary>
    public static async Task<QueueClient> EmptyQueueAsync(this AzuriteFixture azurite, string name)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var queue = azurite.CreateQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync();
        return queue;
    }

    /// <summary>Messages in the queue, visible or not (0 means deleted, not merely hidden).</summary>
    public static async Task<int> CountAsync(this QueueClient queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    /// <summary>Waits until the queue holds a visible message and returns the visible ones (peeked: not dequeued).</summary>
    public static async Task<PeekedMessage[]> PeekWhenAnyAsync(this QueueClient queue, TimeSpan? bound = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        PeekedMessage[] peeked = [];
        await HoldsAsync(async () => (peeked = (await queue.PeekMessagesAsync(32)).Value).Length > 0, $"a message on {queue.Name}", bound);
        return peeked;
    }
}
