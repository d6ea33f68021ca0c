namespace Scheduler.Infrastructure.ServiceBus;

/// <summary>Used when no topic is configured: nothing is published.</summary>
public sealed class NoAlertPublisher : IAlertPublisher
{
    /// <inheritdoc />
    public bool IsEnabled => false;

    /// <inheritdoc />
    public Task PublishAsync(IReadOnlyList<AlertLedgerEntry> sent, CancellationToken cancellationToken) => Task.CompletedTask;
}
