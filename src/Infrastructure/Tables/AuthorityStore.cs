using System.Runtime.CompilerServices;
using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Infrastructure.Tables;

/// <summary>The <c>Authorities</c> table: PartitionKey is the code, RowKey <c>authority</c>.</summary>
public sealed class AuthorityStore(SchedulerTables tables) : IAuthorityStore
{
    /// <summary>The fixed row key of an authority's profile.</summary>
    public const string RowKey = "authority";

    /// <inheritdoc />
    public async Task<AuthorityRecord?> GetAsync(string code, CancellationToken cancellationToken) =>
        await tables.Authorities.FindAsync(code, RowKey, cancellationToken).ConfigureAwait(false) is { } entity ? FromEntity(entity) : null;

    /// <inheritdoc />
    public async IAsyncEnumerable<AuthorityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey}");
        await foreach (var entity in tables.Authorities.WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <inheritdoc />
    public async Task<AuthorityRecord> SaveAsync(AuthorityRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = ToEntity(record);
        var etag = record.ETag is null
            ? await tables.Authorities.InsertAsync(entity, cancellationToken).ConfigureAwait(false)
            : await tables.Authorities.ReplaceAsync(entity, record.ETag, cancellationToken).ConfigureAwait(false);
        return record with { ETag = etag };
    }

    private static TableEntity ToEntity(AuthorityRecord record)
    {
        var entity = new TableEntity(KeyParts.RequireAuthority(record.Code), RowKey)
        {
            ["Name"] = record.Name,
            ["Contacts"] = StateJson.Serialize(record.Contacts.ToDictionary(p => p.Key.ToString(), p => p.Value)),
            ["ClosureDays"] = StateJson.Serialize(record.ClosureDays),
            ["Version"] = record.Version,
            ["CreatedAt"] = record.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = record.UpdatedAt.ToDateTimeOffset(),
        };
        if (record.Parameters is { } parameters)
        {
            entity["Parameters"] = parameters.GetRawText();
        }

        if (record.EscalationPolicy is { } policy)
        {
            entity["EscalationPolicy"] = policy.GetRawText();
        }

        return entity;
    }

    private static AuthorityRecord FromEntity(TableEntity entity)
    {
        var contacts = StateJson.Deserialize<Dictionary<string, List<string>>>(entity.GetString("Contacts") ?? "{}");
        return new AuthorityRecord
        {
            Code = entity.PartitionKey,
            Name = entity.GetString("Name") ?? entity.PartitionKey,
            Contacts = contacts.ToDictionary(p => Enum.Parse<Role>(p.Key), p => (IReadOnlyList<string>)p.Value),
            Parameters = Json(entity.GetString("Parameters")),
            ClosureDays = StateJson.Deserialize<List<LocalDate>>(entity.GetString("ClosureDays") ?? "[]"),
            EscalationPolicy = Json(entity.GetString("EscalationPolicy")),
            Version = entity.GetInt64("Version") ?? 0,
            CreatedAt = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
            UpdatedAt = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch),
            ETag = entity.ETag.ToString(),
        };
    }

    private static JsonElement? Json(string? text)
    {
        if (text is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
