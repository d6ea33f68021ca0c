namespace Scheduler.Application.Ports;

/// <summary>Which subject each producer event id was applied to: the fast idempotency lookup of the queue.</summary>
public interface IProcessedEventStore
{
    /// <summary>Where an event id was applied, or null if never.</summary>
    Task<ProcessedEvent?> GetAsync(string authority, string eventId, CancellationToken cancellationToken);

    /// <summary>Records that an event id was applied (idempotent).</summary>
    Task RecordAsync(ProcessedEvent processed, CancellationToken cancellationToken);
}
