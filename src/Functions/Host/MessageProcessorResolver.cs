namespace Scheduler.Functions.Host;

/// <summary>Picks the one registered <see cref="IMessageProcessor"/> for a queue, or the "no processor registered" fallback.</summary>
public sealed class MessageProcessorResolver(IEnumerable<IMessageProcessor> processors)
{
    /// <summary>The processor for <paramref name="queueName"/>; more than one is a composition error.</summary>
    public IMessageProcessor Resolve(string queueName)
    {
        var matches = processors.Where(p => string.Equals(p.QueueName, queueName, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            0 => new NoProcessorRegistered(queueName),
            1 => matches[0],
            _ => throw new InvalidOperationException(
                $"More than one message processor is registered for queue '{queueName}': {string.Join(", ", matches.Select(m => m.GetType().Name))}."),
        };
    }
}

/// <summary>
/// The default for a queue nobody has wired yet: every message fails permanently, so it lands in the
/// poison queue (or dead-letter) with this reason instead of being lost or silently completed.
/// </summary>
public sealed class NoProcessorRegistered(string queueName) : IMessageProcessor
{
    /// <inheritdoc />
    public string QueueName { get; } = queueName;

    /// <inheritdoc />
    public Task<ProcessResult> ProcessAsync(string body, MessageContext context, CancellationToken cancellationToken) =>
        Task.FromResult<ProcessResult>(new ProcessResult.PermanentFailure(
            $"No message processor is registered for queue '{QueueName}'."));
}
