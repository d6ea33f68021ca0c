using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Infrastructure.Tables;

/// <summary>Maps a <see cref="SubjectRecord"/> to and from its table row (PartitionKey authority, RowKey subject id).</summary>
public static class SubjectEntity
{
    /// <summary>The entity for a record; long JSON values are chunked so the whole subject stays one row.</summary>
    public static TableEntity ToEntity(SubjectRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(KeyParts.RequireAuthority(record.Authority), KeyParts.RequireSubjectId(record.Id))
        {
            ["Kind"] = record.Kind.Name(),
            ["Variant"] = record.Variant,
            ["Facts"] = record.Facts.GetRawText(),
            ["Assignees"] = StateJson.Serialize(record.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value)),
            ["Version"] = record.Version,
            ["CreatedAt"] = record.CreatedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = record.UpdatedAt.ToDateTimeOffset(),
        };
        ChunkedProperty.Write(entity, "Events", StateJson.Serialize(record.Events));
        ChunkedProperty.Write(entity, "Milestones", StateJson.Serialize(record.Milestones));
        ChunkedProperty.Write(entity, "IndexKeys", StateJson.Serialize(record.IndexKeys));
        ChunkedProperty.Write(entity, "RetiredIndexKeys", StateJson.Serialize(record.RetiredIndexKeys));
        if (record.LastChange is { } change)
        {
            ChunkedProperty.Write(entity, "LastChange", StateJson.Serialize(change));
        }

        return entity;
    }

    /// <summary>The record stored in an entity, with its ETag.</summary>
    /// <summary>The columns a list reads (not the facts, events or milestones).</summary>
    public static IReadOnlyList<string> SummaryColumns { get; } = ["PartitionKey", "RowKey", "Variant", "Assignees", "Version", "CreatedAt", "UpdatedAt"];

    /// <summary>A summary from an entity read with <see cref="SummaryColumns"/>.</summary>
    public static SubjectSummary SummaryFromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var assignees = StateJson.Deserialize<Dictionary<string, string>>(entity.GetString("Assignees") ?? "{}");
        return new SubjectSummary(
            entity.RowKey,
            entity.GetString("Variant") ?? string.Empty,
            assignees.Where(p => Enum.TryParse<Role>(p.Key, out _)).ToDictionary(p => Enum.Parse<Role>(p.Key), p => p.Value),
            entity.GetInt64("Version") ?? 0,
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch));
    }

    public static SubjectRecord FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var facts = JsonDocument.Parse(entity.GetString("Facts") ?? "{}");
        var assignees = StateJson.Deserialize<Dictionary<string, string>>(entity.GetString("Assignees") ?? "{}");
        return new SubjectRecord
        {
            Authority = entity.PartitionKey,
            Id = entity.RowKey,
            Kind = SubjectKinds.Parse(entity.GetString("Kind")) ?? throw new InvalidDataException($"Subject {entity.PartitionKey}/{entity.RowKey} has no kind."),
            Variant = entity.GetString("Variant") ?? string.Empty,
            Facts = facts.RootElement.Clone(),
            Events = StateJson.Deserialize<List<RecordedEvent>>(ChunkedProperty.Read(entity, "Events") ?? "[]"),
            Assignees = assignees.ToDictionary(p => Enum.Parse<Role>(p.Key), p => p.Value),
            Milestones = StateJson.Deserialize<List<StoredMilestone>>(ChunkedProperty.Read(entity, "Milestones") ?? "[]"),
            IndexKeys = StateJson.Deserialize<List<string>>(ChunkedProperty.Read(entity, "IndexKeys") ?? "[]"),
            RetiredIndexKeys = StateJson.Deserialize<List<string>>(ChunkedProperty.Read(entity, "RetiredIndexKeys") ?? "[]"),
            LastChange = ChunkedProperty.Read(entity, "LastChange") is { } change ? StateJson.Deserialize<AuditEntry>(change) : null,
            Version = entity.GetInt64("Version") ?? 0,
            CreatedAt = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
            UpdatedAt = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.UnixEpoch),
            ETag = entity.ETag.ToString(),
        };
    }
}
