using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Application.Ports;

/// <summary>Sends one composed email (SendGrid in Azure, the local outbox otherwise).</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; never throws for an expected failure (see <see cref="DeliveryOutcome"/>).</summary>
    Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
