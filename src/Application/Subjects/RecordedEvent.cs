using System.Text.Json;
using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>
/// An event as recorded on its subject row: the validated payload exactly as received (the same JSON the API and
/// the case-events queue accept), its id (the idempotency key) and who recorded it when.
/// </summary>
/// <param name="Id">The producer's event id, or one the API generated.</param>
/// <param name="Payload">The event object, for example <c>{"type":"icpc_held","date":"2018-01-08"}</c>.</param>
/// <param name="RecordedAt">When it was recorded (from the injected clock).</param>
/// <param name="RecordedBy">The API key id, or <c>queue:case-events</c>.</param>
public sealed record RecordedEvent(string Id, JsonElement Payload, Instant RecordedAt, string RecordedBy);
