using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Milestones;

/// <summary>One computed date of an oversight calendar or a child's case: an occurrence of a rule.</summary>
public sealed record Milestone
{
    /// <summary>The rule id, as in the rules catalogue (for example <c>action_plan_submission</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>1 for a rule that happens once; 1, 2, … for the occurrences of a repeating rule.</summary>
    public required int Sequence { get; init; }

    public required string Title { get; init; }

    public required RuleGroup Group { get; init; }

    /// <summary>The first day of a window; null for deadlines.</summary>
    public LocalDate? Earliest { get; init; }

    /// <summary>The nominal latest date, as the rule computes it (may fall on a non-working day).</summary>
    public required LocalDate Due { get; init; }

    /// <summary>The last working day on or before <see cref="Due"/>: the date alerts work to.</summary>
    public required LocalDate Effective { get; init; }

    public required MilestoneStatus Status { get; init; }

    /// <summary>When it was met, if it has been.</summary>
    public LocalDate? Met { get; init; }

    /// <summary>Who is told first, from the routing matrix.</summary>
    public required IReadOnlyList<Role> Audience { get; init; }

    /// <summary>The public source of the rule: document and paragraph or regulation.</summary>
    public required string Source { get; init; }

    /// <summary>A second reading of an ambiguous rule (for example calendar days instead of working days), if any.</summary>
    public AlternativeReading? Alternative { get; init; }
}

/// <summary>The dates a milestone would have under the other reading of an ambiguous rule.</summary>
public sealed record AlternativeReading(string Reading, LocalDate? Earliest, LocalDate Due);
