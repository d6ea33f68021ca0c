using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;

namespace Scheduler.Infrastructure.Tables;

/// <summary>Maps an <see cref="AlertLedgerEntry"/> to and from its table row, and names the open-marker rows.</summary>
public static class AlertLedgerEntity
{
    /// <summary>
    /// Row keys of open markers start with this. Alert keys start with a letter, so markers sort after every alert
    /// row of the partition and a key range finds them all.
    /// </summary>
    public const string MarkerPrefix = "~open.";

    /// <summary>The exclusive upper bound of the marker key range (<c>/</c> follows <c>.</c>).</summary>
    public const string MarkerRangeEnd = "~open/";

    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <summary>The row key of an alert's open marker.</summary>
    public static string MarkerKey(string alertKey) => MarkerPrefix + alertKey;

    /// <summary>The alert key a marker row stands for.</summary>
    public static string AlertKeyOf(string markerRowKey) => markerRowKey[MarkerPrefix.Length..];

    /// <summary>The marker row: it exists while the alert is pending or queued, so open alerts are one range query away.</summary>
    public static TableEntity Marker(AlertLedgerEntry entry) => new(entry.Authority, MarkerKey(entry.Key))
    {
        ["RecordedAt"] = entry.RecordedAt.ToDateTimeOffset(),
    };

    /// <summary>
    /// The ledger row: with everything the dispatcher needs to rebuild the same <see cref="AlertCandidate"/> (cycle
    /// and step included, so its keys and milestone key are the sweep's) and to word the email.
    /// </summary>
    public static TableEntity ToEntity(AlertLedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var a = entry.Alert;
        var entity = new TableEntity(entry.Authority, entry.Key)
        {
            ["Status"] = entry.Status.Name(),
            ["Recipient"] = entry.Recipient,
            ["Role"] = a.RecipientRole.ToString(),
            ["SweepDay"] = Iso.Format(entry.SweepDay),
            ["RecordedAt"] = entry.RecordedAt.ToDateTimeOffset(),
            ["SubjectKind"] = a.SubjectKind == SubjectKind.Episode ? "episode" : "case",
            ["SubjectId"] = a.SubjectId,
            ["Rule"] = a.Rule,
            ["Sequence"] = a.Sequence,
            ["Cycle"] = a.Cycle,
            ["MilestoneKey"] = a.MilestoneKey,
            ["Title"] = a.Title,
            ["Group"] = a.Group.ToString(),
            ["Due"] = Iso.Format(a.Due),
            ["Effective"] = Iso.Format(a.Effective),
            ["Level"] = AlertKey.LevelName(a.Level),
            ["Renotify"] = a.Renotify,
            ["TriggerDay"] = Iso.Format(a.TriggerDay),
            ["DaysOverdue"] = a.DaysOverdue,
            ["WorkingDaysToDue"] = a.WorkingDaysToDue,
            ["RoleKey"] = a.Key,
        };
        Optional(entity, "Step", a.Step);
        Optional(entity, "Earliest", a.Earliest is { } e ? Iso.Format(e) : null);
        Optional(entity, "ClaimId", entry.ClaimId);
        Optional(entity, "ClaimedAt", entry.ClaimedAt?.ToDateTimeOffset());
        Optional(entity, "DispatchClaim", entry.DispatchClaim);
        Optional(entity, "DispatchClaimedAt", entry.DispatchClaimedAt?.ToDateTimeOffset());
        Optional(entity, "DigestKey", entry.DigestKey);
        Optional(entity, "EnqueuedAt", entry.EnqueuedAt?.ToDateTimeOffset());
        Optional(entity, "SentAt", entry.SentAt?.ToDateTimeOffset());
        Optional(entity, "ProviderId", entry.ProviderId);
        Optional(entity, "FailureReason", entry.FailureReason is { Length: > 2000 } r ? r[..2000] : entry.FailureReason);
        return entity;
    }

    /// <summary>The entry stored in a row.</summary>
    public static AlertLedgerEntry FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var alert = new AlertCandidate
        {
            SubjectKind = Required(entity, "SubjectKind") == "episode" ? SubjectKind.Episode : SubjectKind.Case,
            AuthorityCode = entity.PartitionKey,
            SubjectId = Required(entity, "SubjectId"),
            Rule = Required(entity, "Rule"),
            Sequence = entity.GetInt32("Sequence") ?? 1,
            Cycle = entity.GetInt32("Cycle") ?? 1,
            Step = entity.GetString("Step"),
            Title = entity.GetString("Title") ?? string.Empty,
            Group = Enum.Parse<RuleGroup>(Required(entity, "Group")),
            Earliest = entity.GetString("Earliest") is { } e ? Date(e) : null,
            Due = Date(Required(entity, "Due")),
            Effective = Date(Required(entity, "Effective")),
            Level = ParseLevel(Required(entity, "Level")),
            Renotify = entity.GetInt32("Renotify") ?? 0,
            TriggerDay = Date(Required(entity, "TriggerDay")),
            RecipientRole = Enum.Parse<Role>(Required(entity, "Role")),
            DaysOverdue = entity.GetInt32("DaysOverdue") ?? 0,
            WorkingDaysToDue = entity.GetInt32("WorkingDaysToDue") ?? 0,
        };
        return new AlertLedgerEntry
        {
            Key = entity.RowKey,
            Alert = alert,
            Recipient = Required(entity, "Recipient"),
            SweepDay = Date(Required(entity, "SweepDay")),
            RecordedAt = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.UnixEpoch),
            Status = LedgerStatuses.Parse(entity.GetString("Status")),
            ClaimId = entity.GetString("ClaimId"),
            ClaimedAt = At(entity, "ClaimedAt"),
            DispatchClaim = entity.GetString("DispatchClaim"),
            DispatchClaimedAt = At(entity, "DispatchClaimedAt"),
            DigestKey = entity.GetString("DigestKey"),
            EnqueuedAt = At(entity, "EnqueuedAt"),
            SentAt = At(entity, "SentAt"),
            ProviderId = entity.GetString("ProviderId"),
            FailureReason = entity.GetString("FailureReason"),
            ETag = entity.ETag.ToString(),
        };
    }

    /// <summary>Parses a level as <see cref="AlertKey.LevelName"/> writes it.</summary>
    public static AlertLevel ParseLevel(string name) =>
        Enum.GetValues<AlertLevel>().FirstOrDefault(l => AlertKey.LevelName(l) == name, (AlertLevel)(-1)) is var level && level >= 0
            ? level
            : throw new InvalidDataException($"'{name}' is not an alert level.");

    private static void Optional(TableEntity entity, string name, object? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }

    private static Instant? At(TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name) is { } at ? Instant.FromDateTimeOffset(at) : null;

    private static LocalDate Date(string text) => Iso.Parse(text).Value;

    private static string Required(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw new InvalidDataException(
            string.Create(CultureInfo.InvariantCulture, $"Alert ledger row {entity.PartitionKey}/{entity.RowKey} lacks {name}."));
}
