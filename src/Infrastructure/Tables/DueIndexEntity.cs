using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Rules;

namespace Scheduler.Infrastructure.Tables;

/// <summary>Maps a <see cref="DueIndexRow"/> to and from its <c>DueIndex</c> table row.</summary>
public static class DueIndexEntity
{
    /// <summary>The property only the sweep writes: the nominal due date of the last alert recorded for the milestone.</summary>
    public const string AlertedDueProperty = "AlertedDue";

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>The merge that records an alert for the milestone at <paramref name="due"/>.</summary>
    public static TableEntity AlertedDue(DueIndexKey key, LocalDate due)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new TableEntity(key.PartitionKey, key.RowKey) { [AlertedDueProperty] = Iso.Format(due) };
    }

    /// <summary>
    /// The entity for a row; dates are ISO strings so they compare as text exactly as the keys do. Optional values
    /// are written as empty strings rather than left out, because rows are merged (so that the sweep's
    /// <c>AlertedDue</c>, which this never writes, survives subject writes) and a left-out property would keep its
    /// old value.
    /// </summary>
    public static TableEntity ToEntity(DueIndexRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.Key;
        var entity = new TableEntity(key.PartitionKey, key.RowKey)
        {
            ["Authority"] = row.Authority,
            ["SubjectKind"] = row.SubjectKind.Name(),
            ["SubjectId"] = row.SubjectId,
            ["Rule"] = row.Rule,
            ["Sequence"] = row.Sequence,
            ["Cycle"] = row.Cycle,
            ["MilestoneKey"] = row.MilestoneKey,
            ["Informational"] = row.Informational,
            ["Title"] = row.Title,
            ["Group"] = row.Group.ToString(),
            ["Due"] = Iso.Format(row.Due),
            ["Effective"] = Iso.Format(row.Effective),
            ["Audience"] = string.Join(',', row.Audience),
            ["Assignees"] = StateJson.Serialize(row.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value)),
            ["SubjectVersion"] = row.SubjectVersion,
            ["Step"] = row.Step ?? string.Empty,
            ["Earliest"] = row.Earliest is { } earliest ? Iso.Format(earliest) : string.Empty,
        };
        return entity;
    }

    /// <summary>The row stored in an entity.</summary>
    public static DueIndexRow FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var audience = entity.GetString("Audience") ?? string.Empty;
        var assignees = StateJson.Deserialize<Dictionary<string, string>>(entity.GetString("Assignees") ?? "{}");
        return new DueIndexRow
        {
            Authority = Required(entity, "Authority"),
            SubjectKind = SubjectKinds.Parse(entity.GetString("SubjectKind")) ?? throw Invalid(entity, "SubjectKind"),
            SubjectId = Required(entity, "SubjectId"),
            Rule = Required(entity, "Rule"),
            Sequence = entity.GetInt32("Sequence") ?? throw Invalid(entity, "Sequence"),
            Cycle = entity.GetInt32("Cycle") ?? 1,
            Step = entity.GetString("Step") is { Length: > 0 } step ? step : null,
            Informational = entity.GetBoolean("Informational") ?? false,
            Title = entity.GetString("Title") ?? string.Empty,
            Group = Enum.Parse<RuleGroup>(Required(entity, "Group")),
            Earliest = entity.GetString("Earliest") is { Length: > 0 } e ? Date(e) : null,
            Due = Date(Required(entity, "Due")),
            Effective = Date(Required(entity, "Effective")),
            Audience = [.. audience.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Role>)],
            Assignees = assignees.ToDictionary(p => Enum.Parse<Role>(p.Key), p => p.Value),
            SubjectVersion = entity.GetInt64("SubjectVersion") ?? 0,
            AlertedDue = entity.GetString(AlertedDueProperty) is { Length: > 0 } alerted ? Date(alerted) : null,
        };
    }

    private static LocalDate Date(string text) => Iso.Parse(text).Value;

    private static string Required(TableEntity entity, string name) => entity.GetString(name) ?? throw Invalid(entity, name);

    private static InvalidDataException Invalid(TableEntity entity, string name) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Due-index row {entity.PartitionKey}/{entity.RowKey} lacks {name}."));
}
