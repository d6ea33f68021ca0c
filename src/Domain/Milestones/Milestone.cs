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

    /// <summary>For rules with several dated steps (the monitoring-visit timeline), which step; null otherwise.</summary>
    public string? Step { get; init; }

    /// <summary>
    /// Which cycle or series the occurrence belongs to: the monitoring cycle (a new one after an inadequate
    /// re-inspection), the placement for statutory visits, the arrangement for interim arrangements. 1 by default.
    /// </summary>
    public int Cycle { get; init; } = 1;

    /// <summary>
    /// True for another body's step that nothing records as done (Ofsted's agenda, the expected re-inspection):
    /// past its date it is history, not a slip, and alerting should not chase it.
    /// </summary>
    public bool Informational { get; init; }

    /// <summary>True when <see cref="Due"/> is not a working day, so <see cref="Effective"/> is earlier (flagged for the UI).</summary>
    public bool MovedToWorkingDay => Effective != Due;

    /// <summary>
    /// The occurrence's stable identity within its episode or case: <c>rule/cycle/sequence[/step]</c>. Alert keys
    /// and <c>milestone_completed</c> events use it.
    /// </summary>
    public string Key => KeyOf(Rule, Cycle, Sequence, Step);

    /// <summary>The <see cref="Key"/> a milestone with these fields has, before it is built.</summary>
    public static string KeyOf(string rule, int cycle, int sequence, string? step) =>
        step is null ? $"{rule}/{cycle}/{sequence}" : $"{rule}/{cycle}/{sequence}/{step}";
}

/// <summary>The dates a milestone would have under the other reading of an ambiguous rule.</summary>
public sealed record AlternativeReading(string Reading, LocalDate? Earliest, LocalDate Due);
