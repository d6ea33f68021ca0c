using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The <c>ApiKeys</c> table: PartitionKey is the key's SHA-256 (lookup by presented key is one point read), RowKey
/// <c>key</c>; KeyId, Authority, CreatedAt, CreatedBy, and optionally Label, Expires and LastUsedOn (<c>yyyy-MM-dd</c>).
/// </summary>
public sealed class ApiKeyStore(SchedulerTables tables) : IApiKeyStore
{
    private const string RowKey = "key";

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> FindByHashAsync(string sha256, CancellationToken cancellationToken) =>
        await tables.ApiKeys.FindAsync(sha256, RowKey, cancellationToken).ConfigureAwait(false) is { } entity ? FromEntity(entity) : null;

    /// <inheritdoc />
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
        if (record.Label is not null)
        {
            entity["Label"] = record.Label;
        }

        if (record.Expires is { } expires)
        {
            entity["Expires"] = LocalDatePattern.Iso.Format(expires);
        }

        await tables.ApiKeys.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> MarkUsedAsync(ApiKeyRecord record, LocalDate day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var patch = new TableEntity(record.Sha256, RowKey) { ["LastUsedOn"] = LocalDatePattern.Iso.Format(day) };
        try
        {
            await tables.ApiKeys.UpdateEntityAsync(patch, record.ETag is { Length: > 0 } etag ? new ETag(etag) : ETag.All, TableUpdateMode.Merge, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ApiKeyRecord> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Authority eq {authority}");
        await foreach (var entity in tables.ApiKeys.WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await tables.ApiKeys.DeleteEntityAsync(record.Sha256, RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private static ApiKeyRecord FromEntity(TableEntity entity) => new(
        entity.GetString("KeyId") ?? string.Empty,
        entity.PartitionKey,
        entity.GetString("Authority") ?? string.Empty,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
        entity.GetString("CreatedBy") ?? string.Empty,
        entity.GetString("Label"),
        Date(entity.GetString("Expires")),
        Date(entity.GetString("LastUsedOn")),
        entity.ETag.ToString());

    private static LocalDate? Date(string? text) => text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } result ? result.Value : null;
}
