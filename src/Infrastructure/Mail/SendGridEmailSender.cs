using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Domain.Alerts.Composition;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace Scheduler.Infrastructure.Mail;

/// <summary>
/// Sends email with the SendGrid client (v3 <c>POST /v3/mail/send</c>): one personalization, text/plain then
/// text/html, the digest key in <c>custom_args</c>, the composer's headers except Message-ID (SendGrid sets its own).
/// 202 → sent; 429 → retry after <c>Retry-After</c>; 5xx and timeouts → transient; other 4xx → permanent with
/// SendGrid's <c>errors[].message</c>. The client does not retry by itself: retries wait on the queue.
/// </summary>
public sealed partial class SendGridEmailSender(IHttpClientFactory httpClients, IOptions<SendGridOptions> options, IClock clock, ILogger<SendGridEmailSender> logger)
    : IEmailSender
{
    /// <summary>The named HTTP client (its timeout is <see cref="SendGridOptions.Timeout"/>).</summary>
    public const string HttpClientName = "SendGrid";

    // Headers SendGrid sets itself or refuses in "headers".
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "Message-ID", "To", "From", "Subject", "Reply-To", "Cc", "Bcc", "Content-Type", "Content-Transfer-Encoding", "Date", "MIME-Version",
    };

    private readonly SendGridOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var client = new SendGridClient(httpClients.CreateClient(HttpClientName), new SendGridClientOptions
        {
            ApiKey = _options.ApiKey,
            Host = _options.BaseUrl.AbsoluteUri.TrimEnd('/'),
        });
        try
        {
            var response = await client.SendEmailAsync(ToSendGrid(message), cancellationToken).ConfigureAwait(false);
            var outcome = await MapAsync(response, cancellationToken).ConfigureAwait(false);
            LogOutcome(logger, message.IdempotencyKey, (int)response.StatusCode, outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, message.IdempotencyKey, "timeout");
            return new DeliveryOutcome.Transient($"SendGrid did not answer within {_options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            LogFailure(logger, message.IdempotencyKey, ex.Message);
            return new DeliveryOutcome.Transient($"SendGrid request failed: {ex.Message}");
        }
    }

    /// <summary>The SendGrid message for a composed email.</summary>
    internal static SendGridMessage ToSendGrid(EmailMessage message)
    {
        var mail = new SendGridMessage
        {
            From = new EmailAddress(message.From),
            Subject = message.Subject,
            PlainTextContent = message.Text,
            HtmlContent = message.Html,
        };
        mail.AddTo(new EmailAddress(message.To));

        // Message-level (not per personalization) custom_args and headers, as the request body has always carried them.
        mail.AddGlobalCustomArg("alert_key", message.IdempotencyKey);
        foreach (var (name, value) in message.Headers.Where(h => !Reserved.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            mail.AddGlobalHeader(name, value);
        }

        return mail;
    }

    private async Task<DeliveryOutcome> MapAsync(SendGrid.Response response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            return new DeliveryOutcome.Sent(response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryOutcome.RetryAfter(RetryAfter(response), "SendGrid rate limit (429).");
        }

        var detail = await ErrorsAsync(response, cancellationToken).ConfigureAwait(false);
        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            ? new DeliveryOutcome.Transient($"SendGrid {status}: {detail}")
            : new DeliveryOutcome.Permanent($"SendGrid {status}: {detail}", status);
    }

    /// <summary><c>Retry-After</c> (delta seconds or an HTTP-date) as a delay from now; 60 s when absent.</summary>
    private TimeSpan RetryAfter(SendGrid.Response response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - clock.GetCurrentInstant().ToDateTimeOffset();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return TimeSpan.FromSeconds(60);
    }

    private static async Task<string> ErrorsAsync(SendGrid.Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? string.Empty : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
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

        return body.Length == 0 ? response.StatusCode.ToString() : body[..Math.Min(body.Length, 500)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid answered {StatusCode} for digest {DigestKey}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string digestKey, int statusCode, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid send of digest {DigestKey} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string digestKey, string reason);
}
