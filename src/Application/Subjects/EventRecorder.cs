using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>Records one event on an episode or case: validate against the current facts and today, recompute, write conditionally.</summary>
internal static class EventRecorder
{
    public static async Task<SubjectView> RecordAsync(
        AuthorityService authorities,
        SubjectWriter writer,
        IClock clock,
        SubjectKind kind,
        string authority,
        string id,
        EventInput input,
        string actor,
        CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var eventId = input.Id ?? $"api-{Guid.NewGuid():N}";
        var payload = input.ToPayload();
        IReadOnlyList<Scheduler.Domain.Milestones.Milestone> milestones = [];
        var (subject, changed) = await writer.UpdateAsync(
            kind,
            authority,
            id,
            current =>
            {
                if (current.Events.Count >= SubjectLimits.MaxEvents)
                {
                    throw new ConflictException(
                        "events",
                        $"{(kind == SubjectKind.Episode ? "Episode" : "Case")} '{id}' already holds {SubjectLimits.MaxEvents} events, the most one episode or case may hold; nothing was recorded");
                }

                // Recomputed from the row just read, so a retry after a concurrent write includes the other event too.
                milestones = SubjectCalculator.Compute(current, context, today, input);
                return current with
                {
                    Events = [.. current.Events, new RecordedEvent(eventId, payload, clock.GetCurrentInstant(), actor)],
                    Milestones = [.. milestones.Select(StoredMilestone.From)],
                };
            },
            actor,
            $"{kind.Name()}.event.recorded",
            eventId,
            cancellationToken,
            payload).ConfigureAwait(false);
        if (!changed)
        {
            milestones = SubjectCalculator.Compute(subject, context, today);
        }

        return new SubjectView(subject, milestones, changed);
    }
}
