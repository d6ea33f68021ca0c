using Scheduler.Domain.Validation;

namespace Scheduler.Application.CaseEvents;

/// <summary>
/// Records one <c>case-events</c> message on its episode or case. Idempotent: the event id is recorded on the
/// subject row in the same conditional write as the event, so a redelivered message changes nothing. A message
/// that can never succeed throws an application exception (<see cref="Refusals.IsPermanent"/>); storage trouble
/// throws whatever the store threw, and the platform redelivers.
/// </summary>
public sealed partial class CaseEventProcessor(
    EpisodeService episodes,
    CaseService cases,
    IProcessedEventStore processed,
    ILogger<CaseEventProcessor> logger)
{
    /// <summary>The actor recorded in events and the audit log.</summary>
    public const string Actor = "queue:case-events";

    /// <summary>Applies the message; returns whether it changed the subject (false for a replay).</summary>
    public async Task<bool> ProcessAsync(string body, CancellationToken cancellationToken)
    {
        var envelope = CaseEventEnvelope.Parse(body);
        var seen = await processed.GetAsync(envelope.Authority, envelope.EventId, cancellationToken).ConfigureAwait(false);
        if (seen is not null && (seen.SubjectKind != envelope.Kind || seen.SubjectId != envelope.SubjectId))
        {
            throw new ConflictException("eventId", $"'{envelope.EventId}' was already used for {seen.SubjectKind.Name()} '{seen.SubjectId}'");
        }

        if (seen is not null)
        {
            // Seen on this subject: the writer compares the payloads (a replay changes nothing; another event under the same id is refused).
            LogDuplicate(logger, envelope.EventId, envelope.Authority, envelope.SubjectId);
        }

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
            // reason names the field where the sender put it ("event.date").
            throw new ValidationException([.. ex.Errors.Select(e => new FieldError($"event.{e.Field}", e.Reason))]);
        }

        LogProcessed(logger, envelope.EventId, envelope.Authority, envelope.Kind.Name(), envelope.SubjectId, view.Changed);
        return view.Changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case event {EventId} for {Authority} {SubjectKind} {SubjectId} processed (changed: {Changed})")]
    private static partial void LogProcessed(ILogger logger, string eventId, string authority, string subjectKind, string subjectId, bool changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case event {EventId} for {Authority} {SubjectId} was already processed; checking it is the same event")]
    private static partial void LogDuplicate(ILogger logger, string eventId, string authority, string subjectId);
}
