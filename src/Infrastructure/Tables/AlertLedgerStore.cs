using System.Runtime.CompilerServices;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The <c>AlertLedger</c> table. PartitionKey is the authority code, RowKey the alert key for one address. Beside
/// every alert that is not yet sent or failed sits an open marker (RowKey <c>~open.{key}</c>) in the same
/// partition; the row and its marker are inserted together and the marker is deleted together with the final
/// status update (entity-group transactions), so a sweep finds every undelivered alert with one key-range query
/// per authority instead of scanning years of ledger.
/// </summary>
public sealed class AlertLedgerStore(SchedulerTables tables) : IAlertLedger
{
    private TableClient Table => tables.AlertLedger;

    /// <inheritdoc />
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
            return entry with { ETag = results.Value[0].Headers.ETag?.ToString() };
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            // EntityAlreadyExists: this alert was produced before (or by a concurrent sweep). Nothing was written.
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<AlertLedgerEntry?> GetAsync(string authority, string key, CancellationToken cancellationToken) =>
        await Table.FindAsync(authority, key, cancellationToken).ConfigureAwait(false) is { } entity ? AlertLedgerEntity.FromEntity(entity) : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListOpenKeysAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {authority} and RowKey ge {AlertLedgerEntity.MarkerPrefix} and RowKey lt {AlertLedgerEntity.MarkerRangeEnd}");
        await foreach (var marker in Table.WhereAsync(filter, cancellationToken, ["PartitionKey", "RowKey"]).ConfigureAwait(false))
        {
            yield return AlertLedgerEntity.AlertKeyOf(marker.RowKey);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AlertLedgerEntry> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Markers start with '~', which sorts after every alert key.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {authority} and RowKey lt {"~"}");
        await foreach (var entity in Table.WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return AlertLedgerEntity.FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async Task<AlertLedgerEntry?> TryUpdateAsync(AlertLedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            var etag = await Table.ReplaceAsync(AlertLedgerEntity.ToEntity(entry), entry.ETag ?? ETag.All.ToString(), cancellationToken).ConfigureAwait(false);
            return entry with { ETag = etag };
        }
        catch (StoreConflictException)
        {
            return null;
        }
    }

    /// <inheritdoc />
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
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, AlertLedgerEntity.ToEntity(entry), entry.ETag is { } e ? new ETag(e) : ETag.All),
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

    /// <inheritdoc />
    public Task DeleteMarkerAsync(string authority, string key, CancellationToken cancellationToken) =>
        Table.DeleteEntityAsync(authority, AlertLedgerEntity.MarkerKey(key), ETag.All, cancellationToken);
}
