namespace Scheduler.Functions.Host;

/// <summary>
/// Where a queue-triggered function puts a message it gives up on, with the reason. Under the Functions host on
/// Service Bus the handler cannot dead-letter a message itself, so it forwards it to <c>&lt;queue&gt;-poison</c>
/// and completes the original; the local trigger runner poisons messages on its own and needs none.
/// </summary>
public interface IPoisonQueue
{
    /// <summary>Deliveries a message gets before it is poisoned (the queues' max delivery count).</summary>
    int MaxDeliveries { get; }

    /// <summary>Moves the message to its poison queue; false when this transport leaves poisoning to the platform or the send failed.</summary>
    Task<bool> TryMoveAsync(string body, MessageContext context, string reason, CancellationToken cancellationToken);
}

/// <summary>No forwarding: failures are answered as failures and the platform or the local runner poisons the message.</summary>
public sealed class PlatformPoisonQueue : IPoisonQueue
{
    /// <inheritdoc />
    public int MaxDeliveries => LocalTriggerSettings.DefaultMaxDequeueCount;

    /// <inheritdoc />
    public Task<bool> TryMoveAsync(string body, MessageContext context, string reason, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
