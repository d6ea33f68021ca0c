using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Alerts;

/// <summary>An <see cref="IEmailSender"/> that retries transient failures of the inner sender (see <see cref="DeliveryRetry"/>).</summary>
public sealed class RetryingEmailSender(IEmailSender inner, DeliveryRetry retry) : IEmailSender
{
    /// <inheritdoc />
    public Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        retry.RunAsync(ct => inner.SendAsync(message, ct), cancellationToken);
}

/// <summary>An <see cref="IMessageSender"/> that retries transient failures of the inner sender (see <see cref="DeliveryRetry"/>).</summary>
public sealed class RetryingMessageSender(IMessageSender inner, DeliveryRetry retry) : IMessageSender
{
    /// <inheritdoc />
    public Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken) =>
        retry.RunAsync(ct => inner.SendAsync(queueName, message, ct), cancellationToken);
}
