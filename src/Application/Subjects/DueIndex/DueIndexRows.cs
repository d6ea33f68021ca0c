using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects.DueIndex;

/// <summary>Derives a subject's due-index rows from its stored milestones (pure; the one place that decides what is indexed).</summary>
public static class DueIndexRows
{
    /// <summary>One row per open milestone (not met and applicable).</summary>
    public static IReadOnlyList<DueIndexRow> For(SubjectRecord subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. subject.Milestones.Where(m => m.IsOpen).Select(m => new DueIndexRow
        {
            Authority = subject.Authority,
            SubjectKind = subject.Kind,
            SubjectId = subject.Id,
            Rule = m.Rule,
            Sequence = m.Sequence,
            Cycle = m.Cycle,
            Step = m.Step,
            Informational = m.Informational,
            Title = m.Title,
            Group = m.Group,
            Earliest = m.Earliest,
            Due = m.Due,
            Effective = m.Effective,
            Audience = m.Audience,
            Assignees = subject.Kind == SubjectKind.Case ? subject.Assignees : new Dictionary<Role, string>(),
            SubjectVersion = subject.Version,
        })];
    }

    /// <summary>The compact keys of <see cref="For"/>, as stored on the subject row.</summary>
    public static IReadOnlyList<string> KeysFor(SubjectRecord subject) => [.. For(subject).Select(r => r.Key.Compact).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The subject as it should be written next: its index keys for the new milestones, and the previous
    /// version's keys that are no longer open as retired keys (rows to delete).
    /// </summary>
    public static SubjectRecord WithIndexKeys(SubjectRecord next, SubjectRecord? previous)
    {
        ArgumentNullException.ThrowIfNull(next);
        var keys = KeysFor(next);
        var retired = previous is null
            ? []
            : previous.IndexKeys.Except(keys, StringComparer.Ordinal).ToList();
        return next with { IndexKeys = keys, RetiredIndexKeys = retired };
    }
}
