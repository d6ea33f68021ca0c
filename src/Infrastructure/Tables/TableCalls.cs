namespace Scheduler.Infrastructure.Tables;

/// <summary>The few call shapes every store repeats, with the storage errors translated to the ports' exceptions.</summary>
internal static class TableCalls
{
    /// <summary>The entity, or null when it does not exist.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Every entity a filter (built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>) matches.</summary>
    public static AsyncPageable<TableEntity> WhereAsync(this TableClient table, string? filter, CancellationToken cancellationToken, IEnumerable<string>? select = null) =>
        table.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken);

    /// <summary>Inserts; <see cref="StoreConflictException"/> (already exists) when the key is taken. Returns the new ETag.</summary>
    public static async Task<string> InsertAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new StoreConflictException($"{table.Name} {entity.PartitionKey}/{entity.RowKey} already exists.", alreadyExists: true, ex);
        }
    }

    /// <summary>Replaces if still at <paramref name="etag"/>; <see cref="StoreConflictException"/> when it moved on or is gone. Returns the new ETag.</summary>
    public static async Task<string> ReplaceAsync(this TableClient table, TableEntity entity, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag?.ToString() ?? string.Empty;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new StoreConflictException($"{table.Name} {entity.PartitionKey}/{entity.RowKey} changed since it was read.", alreadyExists: false, ex);
        }
    }

    /// <summary>Deletes every entity a filter matches and returns how many there were (one partition's in batches of 100).</summary>
    public static async Task<int> DeleteMatchingAsync(this TableClient table, string filter, CancellationToken cancellationToken)
    {
        var keys = new List<(string PartitionKey, string RowKey)>();
        await foreach (var entity in table.WhereAsync(filter, cancellationToken, ["PartitionKey", "RowKey"]).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        foreach (var partition in keys.GroupBy(k => k.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var batch in partition.Chunk(100))
            {
                try
                {
                    await table.SubmitTransactionAsync(
                        batch.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(k.PartitionKey, k.RowKey), ETag.All)),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (TableTransactionFailedException ex) when (ex.Status == 404)
                {
                    // Someone deleted one of them meanwhile: the batch failed whole, so delete one by one (404s are fine).
                    foreach (var (pk, rk) in batch)
                    {
                        await table.DeleteEntityAsync(pk, rk, ETag.All, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }

        return keys.Count;
    }
}
