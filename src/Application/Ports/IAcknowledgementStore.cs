namespace Scheduler.Application.Ports;

/// <summary>Acknowledgements, by authority and milestone key; the sweep reads one authority's at a time.</summary>
public interface IAcknowledgementStore
{
    /// <summary>The acknowledgement stored under <paramref name="milestoneKey"/>, or null.</summary>
    Task<AcknowledgementRecord?> GetAsync(string authority, string milestoneKey, CancellationToken cancellationToken);

    /// <summary>Every acknowledgement of an authority (rows of earlier versions, keyed by an alert key, mapped to their milestone).</summary>
    IAsyncEnumerable<AcknowledgementRecord> ListAsync(string authority, CancellationToken cancellationToken);

    /// <summary>Stores or replaces the acknowledgement of a milestone (acknowledging again renews it).</summary>
    Task UpsertAsync(AcknowledgementRecord record, CancellationToken cancellationToken);
}
