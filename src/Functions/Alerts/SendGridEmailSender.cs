using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// Sends email through SendGrid v3 <c>POST /v3/mail/send</c>: bearer API key, JSON body with one personalization,
/// text/plain before text/html (SendGrid rejects the other order), and the digest key in <c>custom_args</c>.
/// 202 → sent; 429 → retry after <c>Retry-After</c>; 5xx and timeouts → transient; other 4xx → permanent with
/// SendGrid's <c>errors[].message</c>.
/// </summary>
public sealed partial class SendGridEmailSender(HttpClient http, SendGridOptions options, IClock clock, ILogger<SendGridEmailSender> logger)
    : IEmailSender
{
    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            return new DeliveryOutcome.Permanent("SendGrid API key is not configured.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MailSendUri(options.BaseUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        request.Content = new ByteArrayContent(Body(message));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var outcome = await MapAsync(response, timeout.Token).ConfigureAwait(false);
            LogOutcome(logger, message.IdempotencyKey, (int)response.StatusCode, outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, message.IdempotencyKey, "timeout");
            return new DeliveryOutcome.Transient($"SendGrid did not answer within {options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            LogFailure(logger, message.IdempotencyKey, ex.Message);
            return new DeliveryOutcome.Transient($"SendGrid request failed: {ex.Message}");
        }
    }

    // A base URL with a path (a proxy prefix) keeps it: resolve relative to the base with a trailing slash.
    private static Uri MailSendUri(Uri baseUrl) =>
        new(baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/"), "v3/mail/send");

    /// <summary>The mail/send JSON body, fields in the documented order.</summary>
    internal static byte[] Body(EmailMessage message)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("personalizations");
            json.WriteStartObject();
            json.WriteStartArray("to");
            json.WriteStartObject();
            json.WriteString("email", message.To);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("from");
            json.WriteString("email", message.From);
            json.WriteEndObject();
            json.WriteString("subject", message.Subject);
            json.WriteStartArray("content");
            WriteContent(json, "text/plain", message.Text);
            WriteContent(json, "text/html", message.Html);
            json.WriteEndArray();
            json.WriteStartObject("custom_args");
            json.WriteString("alert_key", message.IdempotencyKey);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteContent(Utf8JsonWriter json, string type, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private async Task<DeliveryOutcome> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new DeliveryOutcome.Sent(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryOutcome.RetryAfter(RetryAfterHeader.Read(response, clock.GetCurrentInstant()), "SendGrid rate limit (429).");
        }

        var detail = await ErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            ? new DeliveryOutcome.Transient($"SendGrid {status}: {detail}")
            : new DeliveryOutcome.Permanent($"SendGrid {status}: {detail}", status);
    }

    private static async Task<string> ErrorsAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("message", out var m) ? m.GetString() : null)
                    .Where(m => !string.IsNullOrWhiteSpace(m))
                    .ToList();
                if (messages.Count > 0)
                {
                    return string.Join("; ", messages);
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's JSON error shape (a proxy's HTML page, say): fall back to the raw text below.
        }

        return body.Length == 0 ? response.ReasonPhrase ?? "no details" : body[..Math.Min(body.Length, 500)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid answered {StatusCode} for digest {DigestKey}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string digestKey, int statusCode, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid send of digest {DigestKey} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string digestKey, string reason);
}
