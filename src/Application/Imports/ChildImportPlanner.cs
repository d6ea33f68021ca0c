using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Returns;
using Scheduler.Returns.Report;

namespace Scheduler.Application.Imports;

/// <summary>
/// Works out, without I/O, what importing one child's case does to the case as stored. An imported event is already
/// present when its id is recorded, or when an event of the same kind on the same date (its natural key) is, whatever
/// its id (recorded through the API or the queue); it is a conflict when that recorded event says something else
/// (another placement kind, another milestone key). The case's type differing is a conflict too. A child with a
/// conflict is left untouched. The events to add are checked one by one exactly as <c>POST …/events</c> checks
/// them (the same parser, the same domain validation against every recorded event and today); the first refusal
/// leaves the child unwritten.
/// </summary>
internal static class ChildImportPlanner
{
    public static ChildImportPlan Plan(ImportedCase imported, SubjectRecord? current, string authority, AuthorityContext context, LocalDate today, Instant now, string actor)
    {
        var caseRef = imported.CaseReference;
        var type = CaseTypes.Name(imported.Type);
        if (current is not null && CaseTypes.Parse(current.Variant) != imported.Type)
        {
            var first = imported.Events[0].Source;
            return Unwritten(imported, CaseImportOutcome.Conflict, Recorded.Of(current), context, today) with
            {
                Conflicts = [new ImportConflict(caseRef, null, first.File, first.Line, null, $"case {caseRef}: the case in Scheduler is {current.Variant} and the return makes it {type}; nothing was changed for this child.")],
            };
        }

        var recorded = Recorded.Of(current);
        var present = new List<ImportedEvent>();
        var toAdd = new List<(ImportedEvent Event, EventInput Input, ChildCaseEvent Candidate)>();
        var conflicts = new List<ImportConflict>();
        foreach (var e in imported.Events)
        {
            EventInput input;
            ChildCaseEvent candidate;
            try
            {
                // The event as the API would receive it, through the API's own parser.
                input = EventInput.Parse(System.Text.Json.JsonSerializer.SerializeToElement(ImportReport.EventJson(e)));
                candidate = input.ToChildCaseEvent();
            }
            catch (Exception ex) when (Refusals.FieldErrors(ex) is { } errors)
            {
                return Refused(imported, recorded, context, today, e, errors);
            }

            var match = recorded.Find(e.Id, e.Key.Kind, e.Date);
            if (match is null)
            {
                toAdd.Add((e, input, candidate));
            }
            else if (Disagreement(match.Value, e, candidate) is { } disagreement)
            {
                conflicts.Add(new ImportConflict(caseRef, e.Id, e.Source.File, e.Source.Line, e.Source.Column, $"case {caseRef}: {disagreement}; nothing was changed for this child."));
            }
            else
            {
                present.Add(e);
            }
        }

        if (conflicts.Count > 0)
        {
            return Unwritten(imported, CaseImportOutcome.Conflict, recorded, context, today) with { Present = present, Conflicts = conflicts };
        }

        if (toAdd.Count == 0)
        {
            return Unwritten(imported, CaseImportOutcome.Unchanged, recorded, context, today) with { Present = present };
        }

        var record = current ?? new SubjectRecord
        {
            Authority = authority,
            Kind = SubjectKind.Case,
            Id = caseRef,
            Variant = type,
            Facts = SubjectCalculator.CaseFacts(imported.Type),
        };
        var events = new List<ChildCaseEvent>(recorded.Events);
        var facts = Base(imported);
        foreach (var (e, input, candidate) in toAdd)
        {
            try
            {
                // What SubjectCalculator does for one event recorded through the API (EventRecorder): the candidate
                // checked against every event recorded so far and today, then the whole set checked.
                facts = ChildCaseFacts.FromEvents(Base(imported), events, candidate, context.Statutory, today).EnsureValid(context.Statutory);
            }
            catch (Exception ex) when (Refusals.FieldErrors(ex) is { } errors)
            {
                return Refused(imported, recorded, context, today, e, errors);
            }

            events.Add(candidate);
            record = record with { Events = [.. record.Events, new RecordedEvent(e.Id, input.ToPayload(), now, actor)] };
        }

        var milestones = ChildCaseCalendar.Compute(facts, context.Parameters, context.Statutory, context.Local, today);
        return new ChildImportPlan
        {
            Imported = imported,
            Outcome = current is null ? CaseImportOutcome.Created : CaseImportOutcome.Updated,
            Next = record with { Milestones = [.. milestones.Select(StoredMilestone.From)] },
            Added = [.. toAdd.Select(a => a.Event)],
            Present = present,
            Milestones = milestones,
        };
    }

    /// <summary>The plan when the write could not be made (the case kept changing, or vanished): the child is refused.</summary>
    public static ChildImportPlan NotWritten(ChildImportPlan plan, string reason)
    {
        var first = plan.Imported.Events[0].Source;
        return plan with
        {
            Outcome = CaseImportOutcome.Refused,
            Next = null,
            Added = [],
            Problem = new ImportProblem(first.File, first.Line, null, $"child {plan.Imported.CaseReference}: the case could not be written ({reason}); nothing was changed for this child. Import again."),
            Milestones = [],
        };
    }

    private static ChildImportPlan Refused(ImportedCase imported, Recorded recorded, AuthorityContext context, LocalDate today, ImportedEvent e, IReadOnlyList<FieldError> errors)
    {
        // Worded as the importer words a domain refusal, at the row the event was read from.
        return Unwritten(imported, CaseImportOutcome.Refused, recorded, context, today) with
        {
            Problem = new ImportProblem(e.Source.File, e.Source.Line, e.Source.Column, EventRefusal.Text(imported.CaseReference, e.Type, errors.Select(err => (err.Field, err.Reason)))),
        };
    }

    /// <summary>Nothing is written: the due dates are the stored case's (none when the child has no case).</summary>
    private static ChildImportPlan Unwritten(ImportedCase imported, CaseImportOutcome outcome, Recorded recorded, AuthorityContext context, LocalDate today) => new()
    {
        Imported = imported,
        Outcome = outcome,
        Milestones = recorded.Exists
            ? ChildCaseCalendar.Compute(ChildCaseFacts.FromEvents(recorded.BaseFacts!, recorded.Events, context.Statutory).EnsureValid(context.Statutory), context.Parameters, context.Statutory, context.Local, today)
            : [],
    };

    private static ChildCaseFacts Base(ImportedCase imported) => new() { CaseReference = imported.CaseReference, Type = imported.Type };

    /// <summary>How the recorded event contradicts the imported one, or null when they agree.</summary>
    private static string? Disagreement(RecordedMatch match, ImportedEvent imported, ChildCaseEvent candidate)
    {
        var date = imported.Fields["date"];
        if (match.Kind != imported.Key.Kind || match.Event.Date != imported.Date)
        {
            // Only possible when the id matched: the id was used for another event.
            return $"the event id {imported.Id} is recorded for {match.Event.Type} on {match.Event.Date:uuuu-MM-dd}, and the return has it for {imported.Type} on {date}";
        }

        var stored = Detail(match.Event);
        var incoming = Detail(candidate);
        return string.Equals(stored, incoming, StringComparison.Ordinal)
            ? null
            : $"{imported.Type} on {date} is recorded with {stored} and the return says {incoming}";
    }

    /// <summary>What, beyond kind and date, the return can say about an event: a placement's kind or a milestone's key.</summary>
    private static string? Detail(ChildCaseEvent e) => e switch
    {
        Domain.Events.PlacementStarted p => $"kind {EventFactory.WireName(p.Kind)}",
        CaseMilestoneCompleted m => $"milestone {m.MilestoneKey}",
        _ => null,
    };

    /// <summary>The natural kind of a recorded event, as <see cref="EventNaturalKey.Kind"/> spells it.</summary>
    private static string NaturalKind(ChildCaseEvent e) =>
        e is CaseMilestoneCompleted m ? EventIds.MilestoneKind(m.MilestoneKey.Split('/')[0]) : e.Type;

    private readonly record struct RecordedMatch(string Kind, ChildCaseEvent Event);

    /// <summary>
    /// The stored case's facts and events (parsed once, as SubjectCalculator parses stored events: nothing refused), by id and by natural key
    /// (the last recorded wins, as in the domain's fold).
    /// </summary>
    private sealed class Recorded
    {
        private static readonly Recorded None = new();
        private readonly Dictionary<string, RecordedMatch> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Kind, LocalDate Date), RecordedMatch> _byKey = [];
        private readonly List<ChildCaseEvent> _events = [];

        /// <summary>Whether there is a stored case.</summary>
        public bool Exists => BaseFacts is not null;

        /// <summary>The stored case's base facts (reference and type), or null when there is no case.</summary>
        public ChildCaseFacts? BaseFacts { get; private init; }

        public IReadOnlyList<ChildCaseEvent> Events => _events;

        public static Recorded Of(SubjectRecord? current)
        {
            if (current is null)
            {
                return None;
            }

            var recorded = new Recorded { BaseFacts = SubjectCalculator.CaseBaseFacts(current) };
            foreach (var r in current.Events)
            {
                var e = EventInput.FromStored(r.Payload).ToChildCaseEvent();
                var match = new RecordedMatch(NaturalKind(e), e);
                recorded._events.Add(e);
                recorded._byId[r.Id] = match;
                recorded._byKey[(match.Kind, e.Date)] = match;
            }

            return recorded;
        }

        public RecordedMatch? Find(string id, string kind, LocalDate date) =>
            _byId.TryGetValue(id, out var byId) ? byId
            : _byKey.TryGetValue((kind, date), out var byKey) ? byKey
            : null;
    }
}
