using System.Runtime.CompilerServices;
using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>The <c>Authorities</c> table: PartitionKey is the code, RowKey <c>authority</c>.</summary>
public sealed class AuthorityStore(SchedulerTables tables)
{
    /// <summary>The fixed row key of an authority's profile.</summary>
    public const string RowKey = "authority";

    /// <summary>The authority, or null.</summary>
    public async Task<AuthorityRecord?> GetAsync(string code, CancellationToken cancellationToken)
    {
        var entity = await tables.Authorities.GetEntityIfExistsAsync(code, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Every authority.</summary>
    public async IAsyncEnumerable<AuthorityRecord> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Authorities.QueryAsync(TableFilter.Equal("RowKey", RowKey), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>Inserts (when <see cref="AuthorityRecord.ETag"/> is default) or replaces at the version read.</summary>
    public async Task<AuthorityRecord> SaveAsync(AuthorityRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = ToEntity(record);
        var response = record.ETag == default
            ? await tables.Authorities.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false)
            : await tables.Authorities.UpdateEntityAsync(entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return record with { ETag = response.Headers.ETag ?? default };
    }

    /// <summary>The JSON form of a record, as written to the audit log.</summary>
    public static string ToAuditJson(AuthorityRecord record) => StateJson.Serialize(new
    {
        record.Code,
        record.Name,
        Contacts = record.Contacts.ToDictionary(p => p.Key.ToString(), p => p.Value),
        record.Parameters,
        record.ClosureDays,
        record.EscalationPolicy,
        record.Version,
    });

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
            ETag = entity.ETag,
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
