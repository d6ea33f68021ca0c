namespace Scheduler.Application.Ports;

/// <summary>
/// The alert ledger: one row per alert and address, inserted once (conditionally), then moved pending → queued →
/// sent or failed with If-Match. Open alerts (pending or queued) can be listed per authority without a scan.
/// </summary>
public interface IAlertLedger
{
    /// <summary>Records the alert if its key is new; returns it with its ETag, or null when the key was already recorded.</summary>
    Task<AlertLedgerEntry?> TryRecordAsync(AlertLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>The entry, or null.</summary>
    Task<AlertLedgerEntry?> GetAsync(string authority, string key, CancellationToken cancellationToken);

    /// <summary>The keys of the authority's open alerts.</summary>
    IAsyncEnumerable<string> ListOpenKeysAsync(string authority, CancellationToken cancellationToken);

    /// <summary>Every alert row of an authority (for audits and tests, not for the sweep).</summary>
    IAsyncEnumerable<AlertLedgerEntry> ListAsync(string authority, CancellationToken cancellationToken);

    /// <summary>Replaces an open entry if still at its ETag; returns it with the new ETag, or null when someone else changed it first.</summary>
    Task<AlertLedgerEntry?> TryUpdateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Writes a final status (sent or failed) if still at its ETag and closes it; false when someone else changed it first.</summary>
    Task<bool> TrySettleAsync(AlertLedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the open marker of an alert that is already settled.</summary>
    Task DeleteMarkerAsync(string authority, string key, CancellationToken cancellationToken);
}
