namespace Scheduler.Application.Ports;

/// <summary>
/// Publishes each sent alert to other systems (a Service Bus topic in Azure, when configured) so councils can route
/// alerts into Teams or their case system. Carries case references and dates only.
/// </summary>
public interface IAlertPublisher
{
    /// <summary>Whether publishing is configured (when not, <see cref="PublishAsync"/> does nothing).</summary>
    bool IsEnabled { get; }

    /// <summary>Publishes the alerts of one sent digest.</summary>
    Task PublishAsync(IReadOnlyList<AlertLedgerEntry> sent, CancellationToken cancellationToken);
}
