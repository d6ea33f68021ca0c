using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Returns;

/// <summary>
/// Gathers one child's events as they are mapped, keeps one per id (the same conference can be recorded twice in a
/// census), and builds the case with its events in the order they apply.
/// </summary>
internal sealed class CaseEvents(string child)
{
    // On one date, the order things happen in: looked after before placed, a conference before its reviews, closure last.
    private static readonly string[] SameDayOrder =
    [
        EventTypes.ReferralReceived, EventTypes.BecameLookedAfter, EventTypes.StrategyDiscussion, EventTypes.S47Started,
        EventTypes.IcpcHeld, EventTypes.IcpcNotRequired, EventTypes.PlacementStarted, EventTypes.CpReviewHeld,
        EventTypes.LookedAfterReviewHeld, EventTypes.MilestoneCompleted, EventTypes.CpPlanEnded, EventTypes.CaseClosed,
    ];

    private readonly Dictionary<string, ImportedEvent> _byId = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public void Add(string type, LocalDate date, ImportSource source, string? placementKind = null, string? milestoneRule = null)
    {
        var kind = milestoneRule is null ? type : EventIds.MilestoneKind(milestoneRule);
        var id = EventIds.For(child, kind, date);
        if (_byId.ContainsKey(id))
        {
            return;
        }

        var fields = new Dictionary<string, string?>(StringComparer.Ordinal) { ["date"] = ReturnDates.Iso(date) };
        if (placementKind is not null)
        {
            fields["kind"] = placementKind;
        }

        if (milestoneRule is not null)
        {
            fields["milestone"] = Domain.Milestones.Milestone.KeyOf(milestoneRule, 1, 1, null);
        }

        _byId[id] = new ImportedEvent
        {
            Id = id,
            Type = type,
            Date = date,
            Fields = fields,
            Key = new EventNaturalKey(child, kind, date),
            Source = source,
        };
    }

    public ImportedCase Build(CaseType type, bool startsBeforeReturn = false) => new()
    {
        CaseReference = child,
        Type = type,
        Events = [.. _byId.Values.OrderBy(e => e.Date).ThenBy(e => Array.IndexOf(SameDayOrder, e.Type)).ThenBy(e => e.Id, StringComparer.Ordinal)],
        StartsBeforeReturn = startsBeforeReturn,
    };

    /// <summary>
    /// Applies the case's events to a new case as the API would; the first one the domain refuses becomes a problem at
    /// the place the event was read from, and the child is left out.
    /// </summary>
    public static bool FitsTogether(ImportedCase imported, WorkingDayCalendar calendar, LocalDate today, ProblemLog problems)
    {
        var facts = new ChildCaseFacts { CaseReference = imported.CaseReference, Type = imported.Type };
        foreach (var e in imported.Events)
        {
            try
            {
                facts = facts.Apply(e.ToDomainEvent(), calendar, today);
            }
            catch (DomainValidationException ex)
            {
                problems.Add(imported.CaseReference, e.Source.File, e.Source.Line, e.Source.Column, EventRefusal.Text(imported.CaseReference, e.Type, ex.Errors.Select(err => (err.Field, err.Reason))));
                return false;
            }
        }

        return true;
    }
}
