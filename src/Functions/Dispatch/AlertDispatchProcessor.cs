using Azure;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;
using Scheduler.Functions.Sweep;

namespace Scheduler.Functions.Dispatch;

/// <summary>
/// Handles <c>alert-dispatch</c>: renders the digest from its ledger rows, sends it (SendGrid, or the outbox when no
/// key is set) and records the outcome on every row with If-Match. Idempotent: rows already sent or failed are left
/// out, and a message whose rows are all settled sends nothing. Throttling (429, honouring <c>Retry-After</c>) and
/// transient failures (5xx, timeouts) re-enqueue a copy with a delay; other 4xx poison the message with SendGrid's
/// reason and mark the rows failed.
/// </summary>
public sealed partial class AlertDispatchProcessor(
    AlertLedgerStore ledger,
    AuthorityStore authorities,
    IEmailSender email,
    IMessageSender messages,
    SendGridOptions sendGrid,
    IOptions<SchedulerOptions> scheduler,
    IOptions<DispatchOptions> options,
    IClock clock,
    ILogger<AlertDispatchProcessor> logger) : IMessageProcessor
{
    private const int SettleAttempts = 4;
    private readonly DispatchOptions _options = options.Value;

    /// <inheritdoc />
    public string QueueName => AlertDispatchFunction.Queue;

    /// <inheritdoc />
    public async Task<ProcessResult> ProcessAsync(string body, MessageContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        DispatchMessage message;
        try
        {
            message = DispatchMessage.Parse(body);
        }
        catch (FormatException ex)
        {
            return new ProcessResult.PermanentFailure(ex.Message);
        }

        try
        {
            return await DispatchAsync(message, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or IOException)
        {
            // Storage unavailable (or the ledger update after a send failed): the message comes back. If the email
            // already went, the redelivery sends it once more: the one duplicate this design allows.
            LogStorageFailure(logger, ex, message.DigestKey, context.DeliveryCount);
            return new ProcessResult.Transient(ex);
        }
    }

    private async Task<ProcessResult> DispatchAsync(DispatchMessage message, MessageContext context, CancellationToken cancellationToken)
    {
        var open = new List<AlertLedgerEntry>();
        foreach (var alert in message.Alerts)
        {
            var entry = await ledger.GetAsync(alert.Authority, alert.Key, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                LogMissingRow(logger, message.DigestKey, alert.Authority, alert.Key);
            }
            else if (entry.Status.IsOpen())
            {
                open.Add(entry);
            }
        }

        if (open.Count == 0)
        {
            LogNothingToSend(logger, message.DigestKey, context.DeliveryCount);
            return ProcessResult.Ok;
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in open.Select(e => e.Authority).Distinct(StringComparer.Ordinal))
        {
            if (await authorities.GetAsync(code, cancellationToken).ConfigureAwait(false) is { } authority)
            {
                names[code] = authority.Name;
            }
        }

        EmailMessage rendered;
        try
        {
            var baseUrl = scheduler.Value.PublicBaseUrl;
            rendered = DigestComposer.Compose(new DigestRequest(
                message.Recipient, sendGrid.FromAddress, message.SweepDay, [.. open.Select(e => new DigestItem(e.Alert, LegacyLink(baseUrl, e.Alert)))], names));
        }
        catch (ArgumentException ex)
        {
            return await FailAsync(message, open, $"The digest cannot be composed: {ex.Message}", cancellationToken).ConfigureAwait(false);
        }

        var outcome = await email.SendAsync(rendered, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                await SettleAsync(open, e => e with
                {
                    Status = LedgerStatus.Sent,
                    SentAt = clock.GetCurrentInstant(),
                    ProviderId = sent.ProviderId,
                    DigestKey = e.DigestKey ?? message.DigestKey,
                }, cancellationToken).ConfigureAwait(false);
                LogSent(logger, message.DigestKey, message.Recipient, open.Count, message.Attempt, sent.ProviderId);
                return ProcessResult.Ok;
            case DeliveryOutcome.RetryAfter retry:
                return await RetryLaterAsync(message, context, open, Clamp(retry.Delay), retry.Reason, cancellationToken).ConfigureAwait(false);
            case DeliveryOutcome.Transient transient:
                return await RetryLaterAsync(message, context, open, Backoff(message.Attempt), transient.Reason, cancellationToken).ConfigureAwait(false);
            case DeliveryOutcome.Permanent permanent:
                return await FailAsync(message, open, permanent.Reason, cancellationToken).ConfigureAwait(false);
            default:
                throw new InvalidOperationException($"Unknown delivery outcome {outcome.GetType().Name}.");
        }
    }

    // Until signed action links (…/a/{token}) exist, an item links to its episode calendar or case, as before.
    private static string LegacyLink(string publicBaseUrl, AlertCandidate alert)
    {
        var baseUrl = publicBaseUrl.TrimEnd('/');
        var code = Uri.EscapeDataString(alert.AuthorityCode);
        var id = Uri.EscapeDataString(alert.SubjectId);
        return !SubjectReference.IsDisplayable(alert.SubjectId)
            ? $"{baseUrl}/api/authorities/{code}/{(alert.SubjectKind == SubjectKind.Episode ? "episodes" : "cases")}"
            : alert.SubjectKind == SubjectKind.Episode
                ? $"{baseUrl}/api/authorities/{code}/episodes/{id}/calendar"
                : $"{baseUrl}/api/authorities/{code}/cases/{id}";
    }

    /// <summary>
    /// Re-enqueues a copy (attempt + 1) that becomes visible after <paramref name="delay"/> and completes this message,
    /// so the wait is honoured on both transports (a Service Bus abandon would redeliver at once). When the copy cannot
    /// be enqueued, this message is failed transiently instead and the platform redelivers it.
    /// </summary>
    private async Task<ProcessResult> RetryLaterAsync(
        DispatchMessage message, MessageContext context, List<AlertLedgerEntry> open, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        if (message.Attempt + 1 >= _options.MaxAttempts)
        {
            return await FailAsync(message, open, $"Gave up after {message.Attempt + 1} attempts. Last error: {reason}", cancellationToken).ConfigureAwait(false);
        }

        var next = message with { Attempt = message.Attempt + 1 };
        var copy = new OutgoingMessage(next.MessageId, next.ToJson()) { Delay = delay };
        var enqueued = await messages.SendAsync(context.QueueName, copy, cancellationToken).ConfigureAwait(false);
        if (enqueued.IsSent)
        {
            LogRetryScheduled(logger, message.DigestKey, next.Attempt, delay, reason);
            return ProcessResult.Ok;
        }

        if (context.DeliveryCount >= _options.MaxDeliveries)
        {
            return await FailAsync(message, open, $"Failed on delivery {context.DeliveryCount} and could not be re-enqueued ({enqueued}). Last error: {reason}", cancellationToken)
                .ConfigureAwait(false);
        }

        LogRetryByRedelivery(logger, message.DigestKey, context.DeliveryCount, reason);
        return new ProcessResult.Transient(new IOException(reason));
    }

    private async Task<ProcessResult> FailAsync(DispatchMessage message, List<AlertLedgerEntry> open, string reason, CancellationToken cancellationToken)
    {
        await SettleAsync(open, e => e with { Status = LedgerStatus.Failed, FailureReason = reason, DigestKey = e.DigestKey ?? message.DigestKey }, cancellationToken)
            .ConfigureAwait(false);
        LogFailed(logger, message.DigestKey, message.Recipient, open.Count, reason);
        return new ProcessResult.PermanentFailure(reason);
    }

    /// <summary>Writes the final status on each row with If-Match, re-reading after a lost race (a sweep marking it queued).</summary>
    private async Task SettleAsync(List<AlertLedgerEntry> entries, Func<AlertLedgerEntry, AlertLedgerEntry> settle, CancellationToken cancellationToken)
    {
        foreach (var original in entries)
        {
            var entry = original;
            for (var attempt = 1; ; attempt++)
            {
                if (await ledger.TrySettleAsync(settle(entry), cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                var current = await ledger.GetAsync(entry.Authority, entry.Key, cancellationToken).ConfigureAwait(false);
                if (current is null || !current.Status.IsOpen())
                {
                    break;
                }

                if (attempt >= SettleAttempts)
                {
                    throw new RequestFailedException(412, $"Alert {entry.Authority}/{entry.Key} kept changing while its outcome was recorded.");
                }

                entry = current;
            }
        }
    }

    private TimeSpan Backoff(int attempt) =>
        Clamp(TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 20))));

    private TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestKey} sent to {Recipient} with {Count} alerts (attempt {Attempt}, provider id {ProviderId})")]
    private static partial void LogSent(ILogger logger, string digestKey, string recipient, int count, int attempt, string? providerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestKey}: every alert is already sent or failed (delivery {DeliveryCount}); nothing to do")]
    private static partial void LogNothingToSend(ILogger logger, string digestKey, int deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey} names {Authority}/{AlertKey}, which is not in the ledger; left out")]
    private static partial void LogMissingRow(ILogger logger, string digestKey, string authority, string alertKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey}: attempt {Attempt} scheduled in {Delay}: {Reason}")]
    private static partial void LogRetryScheduled(ILogger logger, string digestKey, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey}: retry copy could not be enqueued; leaving delivery {DeliveryCount} to the platform: {Reason}")]
    private static partial void LogRetryByRedelivery(ILogger logger, string digestKey, int deliveryCount, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {DigestKey} to {Recipient} failed permanently; {Count} alerts marked failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string digestKey, string recipient, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey}: storage failed on delivery {DeliveryCount}; the message will be redelivered")]
    private static partial void LogStorageFailure(ILogger logger, Exception exception, string digestKey, int deliveryCount);
}
