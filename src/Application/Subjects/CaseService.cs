using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Children's cases, by council case reference only: type (CP or LAC), assigned IRO / conference chair / team
/// manager emails, recorded events, due dates. Personal data (names, dates of birth, addresses) is refused.
/// </summary>
public sealed class CaseService(AuthorityService authorities, ISubjectStore subjects, SubjectWriter writer, IClock clock)
{
    private const string CreateFields = "type, assignees, events";

    /// <summary>Creates a case from <c>{"type":"CP"|"LAC", "assignees"?:{"IRO":…,"CPC":…,"TM":…}, "events"?:[…]}</c>; 409 if it exists.</summary>
    public async Task<SubjectView> CreateAsync(string authority, string caseRef, JsonElement body, string actor, CancellationToken cancellationToken)
    {
        RequireCaseRef(caseRef);
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var r = new StrictObject(body, refusePersonalData: true);
        var type = ParseType(r.RequiredString("type", 40));
        var assignees = Contacts.ParseAssignees(r.OptionalObject("assignees"));
        var events = r.OptionalArray("events", SubjectLimits.MaxInitialEvents).Select((e, i) => EventInput.Parse(e, $"events[{i}]")).ToList();
        r.RejectUnknown(CreateFields);

        var record = new SubjectRecord
        {
            Authority = authority,
            Kind = SubjectKind.Case,
            Id = caseRef,
            Variant = CaseTypes.Name(type),
            Facts = SubjectCalculator.CaseFacts(type),
            Assignees = assignees,
        };
        var (withEvents, milestones) = InitialEvents.Apply(record, events, context, clock, actor);
        var stored = await writer.CreateAsync(withEvents with { Milestones = [.. milestones.Select(StoredMilestone.From)] }, actor, cancellationToken).ConfigureAwait(false);
        return new SubjectView(stored, milestones);
    }

    /// <summary>
    /// Updates a case's type and/or assignees from <c>{"type"?, "assignees"?}</c> (recorded events are kept; record
    /// more with the events route). Creates the case when it does not exist.
    /// </summary>
    public async Task<(SubjectView View, bool Created)> PutAsync(string authority, string caseRef, JsonElement body, string actor, CancellationToken cancellationToken)
    {
        RequireCaseRef(caseRef);
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var r = new StrictObject(body, refusePersonalData: true);
        var typeText = r.OptionalString("type", 40);
        var type = typeText is null ? (Domain.Children.CaseType?)null : ParseType(typeText);
        var assigneesObject = r.OptionalObject("assignees");
        var assignees = assigneesObject is null ? null : Contacts.ParseAssignees(assigneesObject);
        if (r.Has("events"))
        {
            throw new ValidationException("events", "record events with POST …/cases/{caseRef}/events; PUT changes the type and assignees only");
        }

        r.RejectUnknown("type, assignees");
        if (await subjects.GetAsync(SubjectKind.Case, authority, caseRef, cancellationToken).ConfigureAwait(false) is null)
        {
            var created = await CreateAsync(authority, caseRef, body, actor, cancellationToken).ConfigureAwait(false);
            return (created, true);
        }

        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        IReadOnlyList<Domain.Milestones.Milestone> milestones = [];
        var (subject, _) = await writer.UpdateAsync(
            SubjectKind.Case,
            authority,
            caseRef,
            current =>
            {
                var next = current with
                {
                    Variant = type is { } t ? CaseTypes.Name(t) : current.Variant,
                    Facts = type is { } t2 ? SubjectCalculator.CaseFacts(t2) : current.Facts,
                    Assignees = assignees ?? current.Assignees,
                };
                milestones = SubjectCalculator.Compute(next, context, today);
                return next with { Milestones = [.. milestones.Select(StoredMilestone.From)] };
            },
            actor,
            "case.updated",
            null,
            cancellationToken).ConfigureAwait(false);
        return (new SubjectView(subject, milestones), false);
    }

    /// <summary>The case with its due dates for today; 404 when unknown.</summary>
    public async Task<SubjectView> GetAsync(string authority, string caseRef, CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        RequireCaseRef(caseRef);
        var subject = await subjects.GetAsync(SubjectKind.Case, authority, caseRef, cancellationToken).ConfigureAwait(false);
        return subject is null
            ? throw new NotFoundException($"Case '{caseRef}' of authority '{authority}'")
            : new SubjectView(subject, SubjectCalculator.Compute(subject, context, clock.InZone(SchedulerTime.London).GetCurrentDate()));
    }

    /// <summary>Records an event (idempotent on its id) and returns the recomputed due dates.</summary>
    public Task<SubjectView> RecordEventAsync(string authority, string caseRef, EventInput input, string actor, CancellationToken cancellationToken)
    {
        RequireCaseRef(caseRef);
        return EventRecorder.RecordAsync(authorities, writer, clock, SubjectKind.Case, authority, caseRef, input, actor, cancellationToken);
    }

    private static void RequireCaseRef(string caseRef) => KeyParts.CheckSubjectId(caseRef, "caseRef");

    private static Domain.Children.CaseType ParseType(string text) =>
        CaseTypes.Parse(text) ?? throw new ValidationException("type", $"'{text}' is not a case type (one of {CaseTypes.Accepted})");
}
