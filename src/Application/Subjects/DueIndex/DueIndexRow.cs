using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects.DueIndex;

/// <summary>
/// One open milestone (not met, not "not applicable") in the due-date index the daily sweep reads. It carries
/// everything an alert needs, so the sweep never reads the subject row.
/// </summary>
public sealed record DueIndexRow
{
    public required string Authority { get; init; }

    public required SubjectKind SubjectKind { get; init; }

    /// <summary>The episode id or council case reference.</summary>
    public required string SubjectId { get; init; }

    public required string Rule { get; init; }

    public required int Sequence { get; init; }

    /// <summary>The cycle or series (1 unless a rule restarts or runs per placement).</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>The step of a multi-step rule, or null.</summary>
    public string? Step { get; init; }

    /// <summary>Another body's step nothing records as done: the sweep may skip it once its date has passed.</summary>
    public bool Informational { get; init; }

    /// <summary>The milestone key within the subject (<c>rule/cycle/sequence[/step]</c>), as alert keys and <c>milestone_completed</c> use it.</summary>
    public string MilestoneKey => Step is null ? $"{Rule}/{Cycle}/{Sequence}" : $"{Rule}/{Cycle}/{Sequence}/{Step}";

    public required string Title { get; init; }

    public required RuleGroup Group { get; init; }

    /// <summary>First day of a window; null for deadlines.</summary>
    public LocalDate? Earliest { get; init; }

    /// <summary>The nominal due date.</summary>
    public required LocalDate Due { get; init; }

    /// <summary>The last working day on or before <see cref="Due"/>; the partition key.</summary>
    public required LocalDate Effective { get; init; }

    /// <summary>Who is told first (role codes).</summary>
    public required IReadOnlyList<Role> Audience { get; init; }

    /// <summary>For cases: the named assignees by role (IRO, CPC, TM → email). Empty for episodes (their contacts are on the authority).</summary>
    public IReadOnlyDictionary<Role, string> Assignees { get; init; } = new Dictionary<Role, string>();

    /// <summary>The subject row's version when this row was derived (higher is newer).</summary>
    public required long SubjectVersion { get; init; }

    /// <summary>
    /// The nominal due date of the last alert the sweep recorded for this milestone, or null if none yet. Only the
    /// sweep writes it (a merge of this one property); subject writes merge the other properties and keep it. When
    /// it differs from <see cref="Due"/> the milestone is at first sight (docs/alerts.md, "First sight").
    /// </summary>
    public LocalDate? AlertedDue { get; init; }

    /// <summary>Whether no alert has been recorded for the milestone at its current nominal due date.</summary>
    public bool AtFirstSight => AlertedDue != Due;

    /// <summary>The row's key.</summary>
    public DueIndexKey Key => new(Effective, Authority, SubjectKind, SubjectId, Rule, Sequence, Cycle, Step);
}
