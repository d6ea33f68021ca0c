using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// One alert the sweep should send, to one recipient role, unless the alert ledger already holds its <see cref="Key"/>.
/// Carries no personal data: the subject is an episode id or a council case reference.
/// </summary>
public sealed record AlertCandidate
{
    /// <summary>Episode or case.</summary>
    public required SubjectKind SubjectKind { get; init; }

    /// <summary>The authority's code (for example <c>CRO</c>).</summary>
    public required string AuthorityCode { get; init; }

    /// <summary>The episode id, or the council case reference.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The rule id of the milestone.</summary>
    public required string Rule { get; init; }

    /// <summary>The occurrence of the rule (1 for one-off rules).</summary>
    public required int Sequence { get; init; }

    /// <summary>The cycle or series of the occurrence (1 unless a rule restarts or runs per placement).</summary>
    public int Cycle { get; init; } = 1;

    /// <summary>The step of a multi-step rule (the monitoring-visit timeline), or null.</summary>
    public string? Step { get; init; }

    /// <summary>The milestone's title, from the rules catalogue.</summary>
    public required string Title { get; init; }

    /// <summary>The rule group (routing matrix row).</summary>
    public required RuleGroup Group { get; init; }

    /// <summary>The first day of the window, for windows.</summary>
    public LocalDate? Earliest { get; init; }

    /// <summary>The nominal due date.</summary>
    public required LocalDate Due { get; init; }

    /// <summary>The effective due date (last working day on or before <see cref="Due"/>).</summary>
    public required LocalDate Effective { get; init; }

    /// <summary>The escalation level.</summary>
    public required AlertLevel Level { get; init; }

    /// <summary>0 for the first alert at this level; 1, 2, … for re-notifications.</summary>
    public required int Renotify { get; init; }

    /// <summary>The nominal trigger day of this alert on the milestone's timeline (a working day).</summary>
    public required LocalDate TriggerDay { get; init; }

    /// <summary>The recipient role; the sweep resolves it to the authority's addresses.</summary>
    public required Role RecipientRole { get; init; }

    /// <summary>Working days past the effective due date on the evaluation day (0 when not overdue).</summary>
    public required int DaysOverdue { get; init; }

    /// <summary>Working days from the evaluation day to the effective due date (0 on or after it).</summary>
    public int WorkingDaysToDue { get; init; }

    /// <summary>The milestone's key within the authority (<see cref="MilestoneKeys"/>): what acknowledgements and action links name.</summary>
    public string MilestoneKey => MilestoneKeys.For(SubjectKind, SubjectId, Rule, Cycle, Sequence, Step);

    /// <summary>The deterministic key of this alert for its recipient role.</summary>
    public string Key => AlertKey.For(this);

    /// <summary>The deterministic key of this alert for one resolved address.</summary>
    public string KeyFor(string recipientAddress) => AlertKey.For(this, recipientAddress);
}
