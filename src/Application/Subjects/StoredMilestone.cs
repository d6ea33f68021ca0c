using NodaTime;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>
/// The materialised form of a milestone kept on its subject row: what the work list and the due-date index need
/// (the rule's source text and alternative reading are recomputed on read, not stored).
/// </summary>
public sealed record StoredMilestone
{
    public required string Rule { get; init; }

    public required int Sequence { get; init; }

    public required string Title { get; init; }

    public required RuleGroup Group { get; init; }

    public LocalDate? Earliest { get; init; }

    public required LocalDate Due { get; init; }

    public required LocalDate Effective { get; init; }

    /// <summary>The status on the day the subject was last written (work lists recompute it for "today").</summary>
    public required MilestoneStatus Status { get; init; }

    public LocalDate? Met { get; init; }

    public required IReadOnlyList<Role> Audience { get; init; }

    /// <summary>The step of a multi-step rule (monitoring-visit timeline), or null.</summary>
    public string? Step { get; init; }

    /// <summary>The cycle or series (monitoring cycle, placement, arrangement); 1 by default.</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>Another body's step nothing records as done: past its date it is history, not a slip.</summary>
    public bool Informational { get; init; }

    /// <summary>The occurrence's identity within its subject, as <see cref="Milestone.Key"/>: <c>rule/cycle/sequence[/step]</c>.</summary>
    public string Key => Milestone.KeyOf(Rule, Cycle, Sequence, Step);

    /// <summary>Whether it still needs doing: not met and applicable. Only open milestones are indexed.</summary>
    public bool IsOpen => Met is null && Status is not (MilestoneStatus.Met or MilestoneStatus.MetLate or MilestoneStatus.NotApplicable);

    /// <summary>Maps a computed milestone.</summary>
    public static StoredMilestone From(Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return new StoredMilestone
        {
            Rule = milestone.Rule,
            Sequence = milestone.Sequence,
            Title = milestone.Title,
            Group = milestone.Group,
            Earliest = milestone.Earliest,
            Due = milestone.Due,
            Effective = milestone.Effective,
            Status = milestone.Status,
            Met = milestone.Met,
            Audience = [.. milestone.Audience],
            Step = milestone.Step,
            Cycle = milestone.Cycle,
            Informational = milestone.Informational,
        };
    }

    /// <summary>The computed milestone it was mapped from (its public source is not stored, so it is empty).</summary>
    public Milestone ToMilestone() => new()
    {
        Rule = Rule,
        Sequence = Sequence,
        Cycle = Cycle,
        Step = Step,
        Title = Title,
        Group = Group,
        Earliest = Earliest,
        Due = Due,
        Effective = Effective,
        Status = Status,
        Met = Met,
        Audience = Audience,
        Informational = Informational,
        Source = string.Empty,
    };
}
