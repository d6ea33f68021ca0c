using Scheduler.Domain.Validation;

namespace Scheduler.Application.CaseEvents;

/// <summary>
/// Records one <c>case-events</c> message on its episode or case. Idempotent: the event id is recorded on the
/// subject row in the same conditional write as the event, so a redelivered message changes nothing; the same id
/// with another event, or on another subject, is refused (<see cref="SubjectWriter"/>). A message
/// that can never succeed throws an application exception (<see cref="Refusals.IsPermanent"/>); storage trouble
/// throws whatever the store threw, and the platform redelivers.
/// </summary>
public sealed partial class CaseEventProcessor(
    EpisodeService episodes,
    CaseService cases,
    ILogger<CaseEventProcessor> logger)
{
    /// <summary>The actor recorded in events and the audit log.</summary>
    public const string Actor = "queue:case-events";

    /// <summary>Applies the message; returns whether it changed the subject (false for a replay).</summary>
    public async Task<bool> ProcessAsync(string body, CancellationToken cancellationToken)
    {
        var envelope = CaseEventEnvelope.Parse(body);
        SubjectView view;
        try
        {
            view = envelope.Kind == SubjectKind.Episode
                ? await episodes.RecordEventAsync(envelope.Authority, envelope.SubjectId, envelope.Event, Actor, cancellationToken).ConfigureAwait(false)
                : await cases.RecordEventAsync(envelope.Authority, envelope.SubjectId, envelope.Event, Actor, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException ex) when (ex.Field == "id")
        {
            throw new ConflictException("eventId", ex.Message);
        }
        catch (DomainValidationException ex)
        {
            // The rules name the event's own fields ("date"); in a message the event sits under "event", so the
            // reason names the field where the sender put it ("event.date"). Still the rules' refusal: the poison
            // copy keeps the values, for a replay once the other event is corrected.
            throw SubjectWriter.Prefixed(ex, "event");
        }

        LogProcessed(logger, envelope.EventId, envelope.Authority, envelope.Kind.Name(), envelope.SubjectId, view.Changed);
        return view.Changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case event {EventId} for {Authority} {SubjectKind} {SubjectId} processed (changed: {Changed})")]
    private static partial void LogProcessed(ILogger logger, string eventId, string authority, string subjectKind, string subjectId, bool changed);
}
