using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Children's cases, by council case reference only: type (CP or LAC), assigned IRO / conference chair / team
/// manager emails, recorded events, due dates. Personal data (names, dates of birth, addresses) is refused.
/// </summary>
public sealed class CaseService(AuthorityService authorities, ISubjectStore subjects, SubjectWriter writer, IClock clock)
{
    /// <summary>Creates a case from <c>{"type":"CP"|"LAC", "assignees"?:{"IRO":…,"CPC":…,"TM":…}, "events"?:[…]}</c>; 409 if it exists.</summary>
    public Task<SubjectView> CreateAsync(string authority, string caseRef, JsonElement body, string actor, CancellationToken cancellationToken)
    {
        RequireCaseRef(caseRef);
        return CreateAsync(authority, caseRef, CreateCaseRequest.Parse(body), actor, cancellationToken);
    }

    /// <summary>Creates a case from a parsed body; 409 if it exists.</summary>
    public async Task<SubjectView> CreateAsync(string authority, string caseRef, CreateCaseRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCaseRef(caseRef);
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var type = CaseTypes.ParseOrRefuse(request.Type);
        var assignees = request.Assignees ?? new Dictionary<Domain.Rules.Role, string>();
        var events = request.Events ?? [];

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
    /// Updates a case's type and/or assignees from a parsed <c>{"type"?, "assignees"?}</c> (recorded events are kept;
    /// record more with the events route). Creates the case when it does not exist.
    /// </summary>
    public async Task<(SubjectView View, bool Created)> PutAsync(string authority, string caseRef, PutCaseRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        RequireCaseRef(caseRef);
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var type = request.Type is null ? (Domain.Children.CaseType?)null : CaseTypes.Parse(request.Type);
        var assignees = request.Assignees;
        if (await subjects.GetAsync(SubjectKind.Case, authority, caseRef, cancellationToken).ConfigureAwait(false) is null)
        {
            var create = new CreateCaseRequest(request.Type ?? throw new ValidationException("type", "is required"), request.Assignees);
            var created = await CreateAsync(authority, caseRef, create, actor, cancellationToken).ConfigureAwait(false);
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
}
