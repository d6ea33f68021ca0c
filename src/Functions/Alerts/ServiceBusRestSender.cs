using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using NodaTime;

namespace Scheduler.Functions.Alerts;

/// <summary>
/// Sends to a Service Bus queue through the REST "Send Message" operation: <c>POST https://{namespace}/{queue}/messages</c>
/// with an Entra ID bearer token for <c>https://servicebus.azure.net/.default</c> and
/// <c>BrokerProperties: {"MessageId":…}</c>, so the queue's duplicate detection drops a resend of the same key.
/// 201 → sent; 400/401/403/404/410 → permanent; 429 → retry after; 5xx and timeouts → transient.
/// </summary>
public sealed partial class ServiceBusRestSender(
    HttpClient http,
    ServiceBusOptions options,
    TokenCredential credential,
    IClock clock,
    ILogger<ServiceBusRestSender> logger) : IMessageSender, IDisposable
{
    /// <summary>The token scope for Service Bus data-plane operations.</summary>
    public const string Scope = "https://servicebus.azure.net/.default";

    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private AccessToken? _token;

    /// <inheritdoc />
    public async Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(queueName) || queueName.Contains('/', StringComparison.Ordinal))
        {
            return new DeliveryOutcome.Permanent($"'{queueName}' is not a queue name.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            var token = await TokenAsync(timeout.Token).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ResolveEndpoint(), $"{Uri.EscapeDataString(queueName)}/messages"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.TryAddWithoutValidation("BrokerProperties", JsonSerializer.Serialize(new BrokerProperties(message.MessageId, ScheduledFor(message.Delay))));
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(message.Body));
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(message.ContentType);

            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var outcome = await MapAsync(response, timeout.Token).ConfigureAwait(false);
            LogOutcome(logger, queueName, message.MessageId, (int)response.StatusCode, outcome.GetType().Name);
            return outcome;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailure(logger, queueName, message.MessageId, "timeout");
            return new DeliveryOutcome.Transient($"Service Bus did not answer within {options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            LogFailure(logger, queueName, message.MessageId, ex.Message);
            return new DeliveryOutcome.Transient($"Service Bus request failed: {ex.Message}");
        }
        catch (CredentialUnavailableException ex)
        {
            LogFailure(logger, queueName, message.MessageId, ex.Message);
            return new DeliveryOutcome.Permanent($"No credential for Service Bus: {ex.Message}");
        }
        catch (AuthenticationFailedException ex)
        {
            // Token endpoints (IMDS, Entra ID) fail now and then; a later attempt usually succeeds.
            LogFailure(logger, queueName, message.MessageId, ex.Message);
            return new DeliveryOutcome.Transient($"Could not get a Service Bus token: {ex.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _tokenLock.Dispose();

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        if (_token is { } cached && cached.ExpiresOn > now.AddMinutes(5))
        {
            return cached.Token;
        }

        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } again && again.ExpiresOn > now.AddMinutes(5))
            {
                return again.Token;
            }

            var token = await credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken).ConfigureAwait(false);
            _token = token;
            return token.Token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private async Task<DeliveryOutcome> MapAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return new DeliveryOutcome.Sent();
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // A revoked or expired token: fetch a fresh one next time.
            _token = null;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new DeliveryOutcome.RetryAfter(RetryAfterHeader.Read(response, clock.GetCurrentInstant()), "Service Bus is throttling (429).");
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var detail = $"Service Bus {status}: {(body.Length == 0 ? response.ReasonPhrase : body[..Math.Min(body.Length, 500)])}";
        return status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout
            ? new DeliveryOutcome.Transient(detail)
            : new DeliveryOutcome.Permanent(detail, status);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Service Bus answered {StatusCode} for message {MessageId} on {Queue}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, string queue, string messageId, int statusCode, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Service Bus send of message {MessageId} to {Queue} failed: {Reason}")]
    private static partial void LogFailure(ILogger logger, string queue, string messageId, string reason);

    // Service Bus takes the scheduled time as an RFC 1123 date in BrokerProperties.
    private string? ScheduledFor(TimeSpan? delay) =>
        delay is { } d && d > TimeSpan.Zero
            ? (clock.GetCurrentInstant() + Duration.FromTimeSpan(d)).ToDateTimeOffset().ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private sealed record BrokerProperties(
        string MessageId,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        string? ScheduledEnqueueTimeUtc = null);
}
