using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.WorkLists;

/// <summary>What an authority (or one assignee) has overdue and due in the next working days.</summary>
public sealed record WorkList(
    string Authority,
    LocalDate Today,
    int Days,
    LocalDate Through,
    string? Assignee,
    IReadOnlyList<WorkItem> Overdue,
    IReadOnlyList<WorkItem> Due);

/// <summary>One open milestone on a work list, with who should act.</summary>
public sealed record WorkItem
{
    public required string SubjectKind { get; init; }

    public required string SubjectId { get; init; }

    public required string Rule { get; init; }

    public required int Sequence { get; init; }

    public required int Cycle { get; init; }

    public string? Step { get; init; }

    /// <summary>The milestone's key within its subject (<c>rule/cycle/sequence[/step]</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The milestone's key within the authority (<c>MilestoneKeys</c>): what <c>…/milestones/{milestone_key}/acknowledge</c> takes.</summary>
    public required string MilestoneKey { get; init; }

    public required string Title { get; init; }

    public required RuleGroup Group { get; init; }

    public LocalDate? Earliest { get; init; }

    public required LocalDate Due { get; init; }

    public required LocalDate Effective { get; init; }

    /// <summary>Working days from today to the effective date (negative when overdue).</summary>
    public required int WorkingDays { get; init; }

    public required IReadOnlyList<Role> Audience { get; init; }

    /// <summary>The addresses of the audience: case assignees for IRO/CPC/TM on cases, the authority's contacts otherwise.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    /// <summary>The acknowledgement holding the milestone today (who, when, why, until when), or null.</summary>
    public AcknowledgementView? Acknowledgement { get; init; }
}
