namespace Scheduler.Application.Ports;

/// <summary>
/// Where a queue consumer puts a message that can never succeed, at once, with its reason: <c>&lt;queue&gt;-poison</c>.
/// (Messages that keep failing for other reasons are poisoned by the platform after its maximum dequeue count.)
/// </summary>
public interface IPoisonQueue
{
    /// <summary>Sends the envelope (reason, queue, message id, dequeue count and the original, redacted where needed).</summary>
    Task SendAsync(string queueName, PoisonEnvelope envelope, CancellationToken cancellationToken);
}
