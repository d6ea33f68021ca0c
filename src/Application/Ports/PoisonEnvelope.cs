using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>
/// What a poison queue holds for a message refused permanently: why, when, where from, how often it was
/// delivered, and the original message (parsed when it is JSON) so it can be replayed once the cause is fixed.
/// </summary>
public sealed record PoisonEnvelope(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("failedAt")] Instant FailedAt,
    [property: JsonPropertyName("dequeueCount")] long DequeueCount,
    [property: JsonPropertyName("queueName")] string QueueName,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("originalMessage")] JsonNode? OriginalMessage);
