using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;

namespace Scheduler.Returns;

/// <summary>
/// One child's case as read from a return: case reference (the child id), case type and events in the order they
/// apply. The application layer writes a case and its events in one step, so a child is imported whole or not at all.
/// </summary>
public sealed record ImportedCase
{
    /// <summary>The council's child id (SSDA903 <c>CHILD</c>, CIN <c>LAchildID</c>).</summary>
    public required string CaseReference { get; init; }

    public required CaseType Type { get; init; }

    /// <summary>Events by date, and on one date in the order they happen (looked after before placed, closure last).</summary>
    public required IReadOnlyList<ImportedEvent> Events { get; init; }

    /// <summary>
    /// True when the child's period of care began before the return's first episode (its first episode is a placement
    /// change, not RNE S): the date the child became looked after is not in the return, so the events add to a case
    /// that already has it and cannot stand alone.
    /// </summary>
    public bool StartsBeforeReturn { get; init; }

    /// <summary>The case's facts: its events applied in order to a new case. Throws the domain's validation exception when they do not fit together.</summary>
    public ChildCaseFacts ToFacts(WorkingDayCalendar calendar, LocalDate today) =>
        new ChildCaseFacts { CaseReference = CaseReference, Type = Type }.ApplyAll(Events.Select(e => e.ToDomainEvent()), calendar, today);
}
