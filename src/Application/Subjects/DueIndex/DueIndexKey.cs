using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Application.Subjects.DueIndex;

/// <summary>
/// The key of one open milestone in the <c>DueIndex</c> table: PartitionKey is the effective date
/// (<c>yyyy-MM-dd</c>, so a date range is a key range), RowKey is
/// <c>{authority}|{episode|case}|{subjectId}|{rule}|{sequence:D3}</c>, followed by <c>|c{cycle}</c> when the cycle
/// is not 1 and <c>|{step}</c> for a step of a multi-step rule, so every occurrence has its own row.
/// </summary>
public sealed record DueIndexKey(
    LocalDate Effective, string Authority, SubjectKind SubjectKind, string SubjectId, string Rule, int Sequence, int Cycle = 1, string? Step = null)
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>The partition key: the effective date as <c>yyyy-MM-dd</c>.</summary>
    public string PartitionKey => PartitionFor(Effective);

    /// <summary>The row key; every part is validated so no escaping is needed.</summary>
    public string RowKey => BaseRowKey
        + (Cycle == 1 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"|c{Cycle}"))
        + (Step is null ? string.Empty : "|" + (KeyParts.IsRuleId(Step) ? Step : throw new ArgumentException($"'{Step}' is not a step key.", nameof(Step))));

    private string BaseRowKey => string.Join(
        '|',
        KeyParts.RequireAuthority(Authority),
        SubjectKind.Name(),
        KeyParts.RequireSubjectId(SubjectId),
        KeyParts.IsRuleId(Rule) ? Rule : throw new ArgumentException($"'{Rule}' is not a rule id.", nameof(Rule)),
        Sequence is >= 0 and <= 999 ? Sequence.ToString("D3", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(Sequence), Sequence, "Sequence must be 0–999."));

    /// <summary>The pair as stored on the subject row so stale rows can be found again: <c>PartitionKey/RowKey</c>.</summary>
    public string Compact => $"{PartitionKey}/{RowKey}";

    /// <summary>The partition key of a date.</summary>
    public static string PartitionFor(LocalDate date) => DatePattern.Format(date);

    /// <summary>Splits a <see cref="Compact"/> key back into its partition and row keys.</summary>
    public static (string PartitionKey, string RowKey) SplitCompact(string compact)
    {
        var slash = compact.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0
            ? throw new FormatException($"'{compact}' is not a due-index key.")
            : (compact[..slash], compact[(slash + 1)..]);
    }
}
