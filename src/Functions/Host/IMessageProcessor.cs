namespace Scheduler.Functions.Host;

/// <summary>Handles the messages of one queue (<c>case-events</c>, <c>alert-dispatch</c>); must be idempotent (at-least-once delivery).</summary>
public interface IMessageProcessor
{
    /// <summary>The queue whose messages this processor handles.</summary>
    string QueueName { get; }

    /// <summary>Processes one message body (the decoded text the producer sent).</summary>
    Task<ProcessResult> ProcessAsync(string body, MessageContext context, CancellationToken cancellationToken);
}
