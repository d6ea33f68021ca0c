using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Application.Ports;

/// <summary>
/// What a poison queue holds for a message refused permanently: why (field paths and reasons, never values),
/// when, where from, how often it was delivered, and the original message (parsed when it is JSON) so it can be
/// replayed once the cause is fixed, with personal-data values and unusable strings withheld
/// (<see cref="PersonalData.WithholdFrom"/>). When the whole would not fit a queue message, the original is kept
/// as the start of its JSON text, <see cref="Truncated"/> says so and <see cref="OriginalLength"/> gives its length.
/// </summary>
public sealed record PoisonEnvelope(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("failedAt")] Instant FailedAt,
    [property: JsonPropertyName("dequeueCount")] long DequeueCount,
    [property: JsonPropertyName("queueName")] string QueueName,
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("originalMessage")] JsonNode? OriginalMessage)
{
    /// <summary>The longest reason kept.</summary>
    public const int MaxReasonLength = 2_000;

    /// <summary>True when <see cref="OriginalMessage"/> holds only the start of the original (as text); absent otherwise.</summary>
    [JsonPropertyName("truncated")]
    public bool? Truncated { get; init; }

    /// <summary>When truncated, the original message's length in characters; absent otherwise.</summary>
    [JsonPropertyName("originalLength")]
    public int? OriginalLength { get; init; }

    /// <summary>
    /// The envelope of a refused message body: JSON kept parsed, with personal-data values, unusable strings and the
    /// values at <paramref name="withheldPaths"/> (fields refused for their shape) withheld; anything else as text.
    /// </summary>
    public static PoisonEnvelope For(string reason, Instant failedAt, long dequeueCount, string queueName, string? messageId, string body, IEnumerable<string>? withheldPaths = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(body);
        return new PoisonEnvelope(
            reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…",
            failedAt,
            dequeueCount,
            queueName,
            messageId,
            KeptCopy(body, withheldPaths ?? []))
        {
            OriginalLength = body.Length,
        };
    }

    /// <summary>
    /// This envelope as at most <paramref name="maxUtf8Bytes"/> bytes of UTF-8 JSON: whole when it fits, otherwise
    /// with the original cut to the longest start of its JSON text that fits (never inside a surrogate pair).
    /// </summary>
    public string ToJson(int maxUtf8Bytes)
    {
        var whole = StateJson.Serialize(this with { OriginalLength = null });
        if (Encoding.UTF8.GetByteCount(whole) <= maxUtf8Bytes)
        {
            return whole;
        }

        var text = OriginalMessage is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : OriginalMessage?.ToJsonString(StateJson.Options) ?? string.Empty;
        string Cut(int length) => StateJson.Serialize(this with
        {
            OriginalMessage = JsonValue.Create(text[..length]),
            Truncated = true,
            OriginalLength = OriginalLength ?? text.Length,
        });

        int low = 0, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Encoding.UTF8.GetByteCount(Cut(middle)) <= maxUtf8Bytes)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (low > 0 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        return Cut(low);
    }

    private static JsonNode? KeptCopy(string body, IEnumerable<string> withheldPaths)
    {
        try
        {
            return PersonalData.WithholdFrom(JsonNode.Parse(body), withheldPaths);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON (or a field name twice, or one that is not text): kept as the text it is.
            return JsonValue.Create(body);
        }
    }
}
