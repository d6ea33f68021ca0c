using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Application.Alerts.Dispatch;

/// <summary>
/// The <c>alert-dispatch</c> message: one digest for one recipient. It names the ledger rows, which hold everything
/// needed to render the email, so the message stays small and a redelivery renders the same email.
/// </summary>
/// <param name="DigestKey">Deterministic digest key (also the Service Bus MessageId of the first attempt).</param>
/// <param name="Recipient">The address.</param>
/// <param name="SweepDay">The London day of the sweep that composed it.</param>
/// <param name="Alerts">The ledger rows it carries.</param>
/// <param name="Attempt">0 for the sweep's message; 1, 2, … for copies re-enqueued after throttling or a transient failure.</param>
public sealed record DispatchMessage(
    [property: JsonPropertyName("digestKey")] string DigestKey,
    [property: JsonPropertyName("recipient")] string Recipient,
    [property: JsonPropertyName("sweepDay")] LocalDate SweepDay,
    [property: JsonPropertyName("alerts")] IReadOnlyList<DispatchAlertRef> Alerts,
    [property: JsonPropertyName("attempt")] int Attempt = 0)
{
    /// <summary>The message id for this attempt (attempts after the first get their own id, so duplicate detection keeps them).</summary>
    [JsonIgnore]
    public string MessageId => Attempt == 0 ? DigestKey : $"{DigestKey}.r{Attempt}";

    /// <summary>The JSON body.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StateJson.Options);

    /// <summary>Parses and checks a body; throws <see cref="ValidationException"/> naming the bad field.</summary>
    public static DispatchMessage Parse(string body)
    {
        DispatchMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<DispatchMessage>(body, StateJson.Options);
        }
        catch (JsonException ex)
        {
            throw new ValidationException("$", $"is not valid JSON ({ex.Message})");
        }

        if (message is null)
        {
            throw new ValidationException("$", "must be a JSON object");
        }

        if (string.IsNullOrWhiteSpace(message.DigestKey))
        {
            throw new ValidationException("digestKey", "is required");
        }

        if (string.IsNullOrWhiteSpace(message.Recipient) || !message.Recipient.Contains('@', StringComparison.Ordinal))
        {
            throw new ValidationException("recipient", "must be an email address");
        }

        if (message.Alerts is null || message.Alerts.Count == 0)
        {
            throw new ValidationException("alerts", "must name at least one alert");
        }

        if (message.Alerts.Any(a => a is null || string.IsNullOrWhiteSpace(a.Authority) || string.IsNullOrWhiteSpace(a.Key)))
        {
            throw new ValidationException("alerts", "every entry needs an authority and a key");
        }

        return message;
    }
}

/// <summary>One ledger row of a digest: its authority (PartitionKey) and alert key (RowKey).</summary>
public sealed record DispatchAlertRef(
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("key")] string Key);
