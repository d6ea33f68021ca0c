using System.Text;
using System.Text.Json;
using Azure;
using Scheduler.Domain.Validation;
using Scheduler.Functions.Api;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Application;

/// <summary>
/// The <c>case-events</c> queue consumer. Each message is an envelope
/// <c>{"eventId":"…","authority":"croydon","subject":{"kind":"case"|"episode","id":"…"},"event":{…}}</c> whose
/// <c>event</c> is exactly what <c>POST …/events</c> accepts. Idempotent: the event id is recorded on the subject
/// row in the same conditional write as the event, so a redelivered message changes nothing. Invalid messages
/// fail permanently (poison at once, with the reason); storage trouble is transient (redelivered).
/// </summary>
public sealed partial class CaseEventProcessor(
    EpisodeService episodes,
    CaseService cases,
    ProcessedEventStore processed,
    ILogger<CaseEventProcessor> logger) : IMessageProcessor
{
    /// <summary>The queue name of the contract.</summary>
    public const string Queue = "case-events";

    /// <summary>The actor recorded in events and the audit log.</summary>
    public const string Actor = "queue:case-events";

    /// <inheritdoc />
    public string QueueName => Queue;

    /// <inheritdoc />
    public async Task<ProcessResult> ProcessAsync(string body, MessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        Envelope envelope;
        try
        {
            envelope = Envelope.Parse(body);
        }
        catch (ApiProblemException ex)
        {
            return Permanent(context, null, Describe(ex));
        }

        try
        {
            var seen = await processed.GetAsync(envelope.Authority, envelope.EventId, cancellationToken).ConfigureAwait(false);
            if (seen is not null)
            {
                if (seen.SubjectKind == envelope.Kind && seen.SubjectId == envelope.SubjectId)
                {
                    LogDuplicate(logger, envelope.EventId, envelope.Authority, envelope.SubjectId);
                    return ProcessResult.Ok;
                }

                return Permanent(context, envelope.EventId, $"eventId: '{envelope.EventId}' was already used for {seen.SubjectKind.Name()} '{seen.SubjectId}'");
            }

            var view = envelope.Kind == StoredSubjectKind.Episode
                ? await episodes.RecordEventAsync(envelope.Authority, envelope.SubjectId, envelope.Event, Actor, cancellationToken).ConfigureAwait(false)
                : await cases.RecordEventAsync(envelope.Authority, envelope.SubjectId, envelope.Event, Actor, cancellationToken).ConfigureAwait(false);
            LogProcessed(logger, envelope.EventId, envelope.Authority, envelope.Kind.Name(), envelope.SubjectId, view.Changed);
            return ProcessResult.Ok;
        }
        catch (ApiProblemException ex) when (ex.Status is >= 400 and < 500 && ex.Status != StatusCodes.Status409Conflict)
        {
            return Permanent(context, envelope.EventId, Describe(ex));
        }
        catch (DomainValidationException ex)
        {
            return Permanent(context, envelope.EventId, string.Join("; ", ex.Errors.Select(e => $"event.{e.Field}: {e.Reason}")));
        }
        catch (Exception ex) when (ex is ApiProblemException or RequestFailedException or HttpRequestException or TimeoutException or IOException)
        {
            LogTransient(logger, ex, envelope.EventId, context.DeliveryCount);
            return new ProcessResult.Transient(ex);
        }
    }

    private ProcessResult.PermanentFailure Permanent(MessageContext context, string? eventId, string reason)
    {
        LogPermanent(logger, eventId ?? "(unknown)", context.MessageId ?? "(none)", reason);
        return new ProcessResult.PermanentFailure(reason);
    }

    private static string Describe(ApiProblemException ex) =>
        ex.Errors.Count > 0 ? string.Join("; ", ex.Errors.Select(e => $"{e.Field}: {e.Reason}")) : ex.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "Case event {EventId} for {Authority} {SubjectKind} {SubjectId} processed (changed: {Changed})")]
    private static partial void LogProcessed(ILogger logger, string eventId, string authority, string subjectKind, string subjectId, bool changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case event {EventId} for {Authority} {SubjectId} was already processed; nothing to do")]
    private static partial void LogDuplicate(ILogger logger, string eventId, string authority, string subjectId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case event {EventId} (message {MessageId}) rejected permanently: {Reason}")]
    private static partial void LogPermanent(ILogger logger, string eventId, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Case event {EventId} failed transiently on delivery {DeliveryCount}; it will be redelivered")]
    private static partial void LogTransient(ILogger logger, Exception exception, string eventId, int deliveryCount);

    /// <summary>The parsed envelope.</summary>
    private sealed record Envelope(string EventId, string Authority, StoredSubjectKind Kind, string SubjectId, EventInput Event)
    {
        public static Envelope Parse(string body)
        {
            var root = JsonBody.Parse(Encoding.UTF8.GetBytes(body ?? string.Empty));
            var r = new StrictObject(root);
            var eventId = r.RequiredString("eventId", 128);
            if (!KeyParts.IsEventId(eventId))
            {
                throw ApiProblemException.BadRequest("eventId", "must be 1–128 letters, digits, '.', '_', ':' or '-'");
            }

            var authority = r.RequiredString("authority", 40);
            if (!KeyParts.IsAuthorityCode(authority))
            {
                throw ApiProblemException.BadRequest("authority", "is not an authority code");
            }

            var subject = r.OptionalObject("subject") ?? throw ApiProblemException.BadRequest("subject", "is required: {\"kind\":\"case\"|\"episode\",\"id\":\"…\"}");
            var kind = StoredSubjectKinds.Parse(subject.RequiredString("kind", 10))
                ?? throw ApiProblemException.BadRequest("subject.kind", "must be \"case\" or \"episode\"");
            var id = subject.RequiredString("id", 64);
            if (!KeyParts.IsSubjectId(id))
            {
                throw ApiProblemException.BadRequest("subject.id", "must be a council case reference or episode id");
            }

            subject.RejectUnknown("kind, id");
            var e = r.Raw("event") is { } raw ? EventInput.Parse(raw, "event") : throw ApiProblemException.BadRequest("event", "is required");
            if (e.Id is not null && e.Id != eventId)
            {
                throw ApiProblemException.BadRequest("event.id", "differs from eventId; leave it out or make them equal");
            }

            r.RejectUnknown("eventId, authority, subject, event");
            return new Envelope(eventId, authority, kind, id, e with { Id = eventId });
        }
    }
}
