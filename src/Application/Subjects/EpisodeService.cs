using System.Text.Json;
using Scheduler.Domain.Validation;

namespace Scheduler.Application.Subjects;

/// <summary>Oversight episodes: created from an inspection report, events recorded, calendar read. Every write returns the recomputed milestones.</summary>
public sealed class EpisodeService(AuthorityService authorities, ISubjectStore subjects, SubjectWriter writer, NodaTime.IClock clock)
{
    /// <summary>
    /// Creates an episode from <c>{"id"?, "framework"?: "sif-2017"|"ilacs", "report_received", "report_published"?, "events"?: [...]}</c>.
    /// The id defaults to <c>{framework}-{report_received}</c>.
    /// </summary>
    public Task<SubjectView> CreateAsync(string authority, JsonElement body, string actor, CancellationToken cancellationToken) =>
        CreateAsync(authority, CreateEpisodeRequest.Parse(body), actor, cancellationToken);

    /// <summary>Creates an episode from a parsed body.</summary>
    public async Task<SubjectView> CreateAsync(string authority, CreateEpisodeRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var framework = request.FrameworkOrDefault;
        var id = request.IdOrDefault;
        var received = request.ReportReceived;
        var published = request.ReportPublished;
        var events = request.Events ?? [];
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        NotAfter(received, today, "report_received");
        if (published is { } p)
        {
            NotAfter(p, today, "report_published");
        }

        KeyParts.CheckSubjectId(id, "id");

        var record = new SubjectRecord
        {
            Authority = authority,
            Kind = SubjectKind.Episode,
            Id = id,
            Variant = framework,
            Facts = SubjectCalculator.EpisodeFacts(framework, received, published),
        };
        var (withEvents, milestones) = InitialEvents.Apply(record, events, context, clock, actor);
        var stored = await writer.CreateAsync(withEvents with { Milestones = [.. milestones.Select(StoredMilestone.From)] }, actor, cancellationToken).ConfigureAwait(false);
        return new SubjectView(stored, milestones);
    }

    /// <summary>The episode with its calendar for today; 404 when unknown.</summary>
    public async Task<SubjectView> GetAsync(string authority, string id, CancellationToken cancellationToken)
    {
        KeyParts.CheckSubjectId(id, "id");
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var subject = await subjects.GetAsync(SubjectKind.Episode, authority, id, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"Episode '{id}' of authority '{authority}'");
        return new SubjectView(subject, SubjectCalculator.Compute(subject, context, clock.InZone(SchedulerTime.London).GetCurrentDate()));
    }

    /// <summary>Every episode of the authority with its calendar for today.</summary>
    public async Task<IReadOnlyList<SubjectView>> ListAsync(string authority, CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var list = new List<SubjectView>();
        await foreach (var subject in subjects.ListAsync(SubjectKind.Episode, authority, cancellationToken).ConfigureAwait(false))
        {
            list.Add(new SubjectView(subject, SubjectCalculator.Compute(subject, context, today)));
        }

        return list;
    }

    /// <summary>Records an event (idempotent on its id) and returns the recomputed calendar.</summary>
    public Task<SubjectView> RecordEventAsync(string authority, string id, EventInput input, string actor, CancellationToken cancellationToken)
    {
        KeyParts.CheckSubjectId(id, "id");
        return EventRecorder.RecordAsync(authorities, writer, clock, SubjectKind.Episode, authority, id, input, actor, cancellationToken);
    }

    /// <summary>A report date that has happened: not after <paramref name="today"/>.</summary>
    private static NodaTime.LocalDate NotAfter(NodaTime.LocalDate date, NodaTime.LocalDate today, string field) =>
        date <= today ? date : throw new ValidationException(field, $"{date:uuuu-MM-dd} is after today ({today:uuuu-MM-dd}); a report is recorded once it has been received");
}

/// <summary>Applies the events given at creation one by one, validating each against today; errors name <c>events[i]</c>.</summary>
internal static class InitialEvents
{
    public static (SubjectRecord Record, IReadOnlyList<Scheduler.Domain.Milestones.Milestone> Milestones) Apply(
        SubjectRecord record, IReadOnlyList<EventInput> events, AuthorityContext context, NodaTime.IClock clock, string actor)
    {
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var now = clock.GetCurrentInstant();
        var milestones = SubjectCalculator.Compute(record, context, today);
        for (var i = 0; i < events.Count; i++)
        {
            try
            {
                milestones = SubjectCalculator.Compute(record, context, today, events[i]);
            }
            catch (DomainValidationException ex)
            {
                throw SubjectWriter.Prefixed(ex, $"events[{i}]");
            }

            var eventId = events[i].Id ?? $"{record.Id}-initial-{i + 1}";
            if (record.HasEvent(eventId))
            {
                throw new ValidationException($"events[{i}].id", "is the id of an earlier event in the list; give each event its own id");
            }

            record = record with { Events = [.. record.Events, new RecordedEvent(eventId, events[i].ToPayload(), now, actor)] };
        }

        return (record, milestones);
    }
}
