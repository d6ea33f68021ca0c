using System.Runtime.CompilerServices;
using NodaTime;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>The <c>ApiKeys</c> table: PartitionKey is the key's SHA-256 (so lookup by presented key is one point read), RowKey <c>key</c>.</summary>
public sealed class ApiKeyStore(SchedulerTables tables)
{
    private const string RowKey = "key";

    /// <summary>The key with this hash, or null.</summary>
    public async Task<ApiKeyRecord?> FindByHashAsync(string sha256, CancellationToken cancellationToken)
    {
        var entity = await tables.ApiKeys.GetEntityIfExistsAsync(sha256, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Stores a new key (only its hash).</summary>
    public async Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.Sha256, RowKey)
        {
            ["KeyId"] = record.KeyId,
            ["Authority"] = record.Authority,
            ["CreatedAt"] = record.CreatedAt.ToDateTimeOffset(),
            ["CreatedBy"] = record.CreatedBy,
        };
        await tables.ApiKeys.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The keys of one authority (a scan of a small table).</summary>
    public async IAsyncEnumerable<ApiKeyRecord> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.ApiKeys.QueryAsync(TableFilter.Equal("Authority", authority), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>Removes a key.</summary>
    public async Task DeleteAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.ApiKeys.DeleteEntityAsync(record.Sha256, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ApiKeyRecord FromEntity(TableEntity entity) => new(
        entity.GetString("KeyId") ?? string.Empty,
        entity.PartitionKey,
        entity.GetString("Authority") ?? string.Empty,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
        entity.GetString("CreatedBy") ?? string.Empty);
}
