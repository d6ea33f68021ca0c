using System.Text;

namespace Scheduler.Application.CaseEvents;

/// <summary>
/// One <c>case-events</c> message: <c>{"eventId","authority","subject":{"kind":"case"|"episode","id"},"event":{…}}</c>,
/// whose <c>event</c> is exactly what <c>POST …/events</c> accepts. No other fields.
/// </summary>
public sealed record CaseEventEnvelope(string EventId, string Authority, Domain.Alerts.SubjectKind Kind, string SubjectId, EventInput Event)
{
    /// <summary>Parses and checks a message body; throws <see cref="ValidationException"/> naming the field.</summary>
    public static CaseEventEnvelope Parse(string body)
    {
        var root = JsonInput.Parse(Encoding.UTF8.GetBytes(body ?? string.Empty));
        var r = new StrictObject(root);
        var eventId = r.RequiredString("eventId", 128);
        if (!KeyParts.IsEventId(eventId))
        {
            throw new ValidationException("eventId", "must be 1–128 letters, digits, '.', '_', ':' or '-'");
        }

        var authority = r.RequiredString("authority", 40);
        if (!KeyParts.IsAuthorityCode(authority))
        {
            throw new ValidationException("authority", "is not an authority code");
        }

        var subject = r.OptionalObject("subject") ?? throw new ValidationException("subject", "is required: {\"kind\":\"case\"|\"episode\",\"id\":\"…\"}");
        var kind = SubjectKinds.Parse(subject.RequiredString("kind", 10))
            ?? throw new ValidationException("subject.kind", "must be \"case\" or \"episode\"");
        var id = subject.RequiredString("id", 64);
        if (!KeyParts.IsSubjectId(id))
        {
            throw new ValidationException("subject.id", "must be a council case reference or episode id");
        }

        subject.RejectUnknown("kind, id");
        var e = r.Raw("event") is { } raw ? EventInput.Parse(raw, "event") : throw new ValidationException("event", "is required");
        if (e.Id is not null && e.Id != eventId)
        {
            throw new ValidationException("event.id", "differs from eventId; leave it out or make them equal");
        }

        r.RejectUnknown("eventId, authority, subject, event");
        return new CaseEventEnvelope(eventId, authority, kind, id, e with { Id = eventId });
    }
}
