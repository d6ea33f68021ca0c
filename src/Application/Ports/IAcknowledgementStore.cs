namespace Scheduler.Application.Ports;

/// <summary>Acknowledgements, by authority and key; the sweep reads one authority's at a time.</summary>
public interface IAcknowledgementStore
{
    /// <summary>The acknowledgement stored under <paramref name="key"/>, or null.</summary>
    Task<AcknowledgementRecord?> GetAsync(string authority, string key, CancellationToken cancellationToken);

    /// <summary>Every acknowledgement of an authority.</summary>
    IAsyncEnumerable<AcknowledgementRecord> ListAsync(string authority, CancellationToken cancellationToken);

    /// <summary>Stores or replaces an acknowledgement (acknowledging again renews it).</summary>
    Task UpsertAsync(AcknowledgementRecord record, CancellationToken cancellationToken);
}
