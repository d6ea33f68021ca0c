using System.Runtime.CompilerServices;
using Azure;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Sweep;

/// <summary>
/// The <c>AlertLedger</c> table. PartitionKey is the authority code, RowKey the alert key for one address. Beside
/// every alert that is not yet sent or failed sits an open marker (RowKey <c>~open.{key}</c>) in the same
/// partition; the row and its marker are inserted together and the marker is deleted together with the final
/// status update (entity-group transactions), so a sweep finds every undelivered alert with one key-range query
/// per authority instead of scanning years of ledger.
/// </summary>
public sealed class AlertLedgerStore(SchedulerTables tables)
{
    private TableClient Table => tables.AlertLedger;

    /// <summary>
    /// Records an alert if its key is new: the conditional insert that makes every alert happen once. Returns the
    /// stored entry (with its ETag), or null when the key was already in the ledger.
    /// </summary>
    public async Task<AlertLedgerEntry?> TryRecordAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var results = await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, AlertLedgerEntity.ToEntity(entry)),
                    new TableTransactionAction(TableTransactionActionType.Add, AlertLedgerEntity.Marker(entry)),
                ],
                cancellationToken).ConfigureAwait(false);
            return entry with { ETag = results[0].ETag };
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // EntityAlreadyExists: this alert was produced before (or by a concurrent sweep). Nothing was written.
            return null;
        }
    }

    /// <summary>The entry, or null.</summary>
    public async Task<AlertLedgerEntry?> GetAsync(string authority, string key, CancellationToken cancellationToken)
    {
        var entity = await Table.GetEntityIfExistsAsync(authority, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : AlertLedgerEntity.FromEntity(entity);
    }

    /// <summary>The keys of the authority's open alerts (pending or queued), from the markers.</summary>
    public async IAsyncEnumerable<string> ListOpenKeysAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create(
            $"PartitionKey eq {authority} and RowKey ge {AlertLedgerEntity.MarkerPrefix} and RowKey lt {AlertLedgerEntity.MarkerRangeEnd}");
        await foreach (var marker in Table.QueryAsync(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return AlertLedgerEntity.AlertKeyOf(marker.RowKey);
        }
    }

    /// <summary>Every alert row of an authority (markers excluded): for tests and audits, not for the sweep.</summary>
    public async IAsyncEnumerable<AlertLedgerEntry> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create($"PartitionKey eq {authority} and RowKey lt {"~"}");
        await foreach (var entity in Table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return AlertLedgerEntity.FromEntity(entity);
        }
    }

    /// <summary>
    /// Replaces an open entry if it is still at <see cref="AlertLedgerEntry.ETag"/> (If-Match). Returns the entry
    /// with its new ETag, or null when someone else changed it first.
    /// </summary>
    public async Task<AlertLedgerEntry?> TryUpdateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var response = await Table.UpdateEntityAsync(AlertLedgerEntity.ToEntity(entry), entry.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return entry with { ETag = response.Headers.ETag ?? default };
        }
        catch (TableConcurrencyException)
        {
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes a final status (sent or failed) if the entry is still at its ETag, and deletes its open marker in the
    /// same transaction. Returns false when someone else changed the entry first.
    /// </summary>
    public async Task<bool> TrySettleAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status.IsOpen())
        {
            throw new ArgumentException($"Settling needs a final status, not {entry.Status}.", nameof(entry));
        }

        try
        {
            await Table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, AlertLedgerEntity.ToEntity(entry), entry.ETag),
                    new TableTransactionAction(TableTransactionActionType.Delete, AlertLedgerEntity.Marker(entry), ETag.All),
                ],
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 412 or 404)
        {
            // 412: the row changed since it was read. 404: the marker is already gone (settled by someone else).
            return false;
        }
    }

    /// <summary>Deletes a stray marker whose alert is already settled (left by an older version or a manual fix).</summary>
    public Task DeleteMarkerAsync(string authority, string key, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(authority, AlertLedgerEntity.MarkerKey(key), cancellationToken: cancellationToken);
}
