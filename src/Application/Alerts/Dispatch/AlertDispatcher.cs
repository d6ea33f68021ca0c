using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts.Links;
using Scheduler.Domain.Alerts.Composition;

namespace Scheduler.Application.Alerts.Dispatch;

/// <summary>
/// Delivers one <c>alert-dispatch</c> message: renders the digest from its ledger rows, sends it (SendGrid, or the
/// outbox when no key is set), records the outcome on every row with If-Match and publishes the sent alerts.
/// Idempotent: rows already sent or failed are left out, and a message whose rows are all settled sends nothing.
/// Two copies of one digest delivered at once (a put the SDK retried after storage had taken it lands next to the
/// original, in the same batch) would both find the rows open, so a delivery first claims the digest on its first
/// open row (If-Match); a copy that finds a live claim of another message sends nothing and puts itself back on
/// the queue, delayed until the claim lapses, so nothing is lost if the claimant died.
/// Throttling (429, honouring <c>Retry-After</c>) and transient failures (5xx, timeouts) re-enqueue a copy that
/// becomes visible after a delay, so the wait is on the queue and never holds up other digests; other 4xx mark the
/// rows failed and throw a permanent <see cref="DeliveryFailedException"/> carrying SendGrid's reason.
/// </summary>
public sealed partial class AlertDispatcher(
    IAlertLedger ledger,
    IAuthorityStore authorities,
    IEmailSender email,
    IMessageQueue messages,
    IAlertPublisher publisher,
    IOptions<MailOptions> mail,
    ActionLinks links,
    IOptions<DispatchOptions> options,
    IClock clock,
    ILogger<AlertDispatcher> logger)
{
    private const int SettleAttempts = 4;
    private readonly DispatchOptions _options = options.Value;

    /// <summary>
    /// Delivers the digest in <paramref name="body"/>, queue message <paramref name="messageId"/> on its
    /// <paramref name="dequeueCount"/>th delivery.
    /// </summary>
    public async Task DispatchAsync(string body, string messageId, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var message = DispatchMessage.Parse(body);
        List<AlertLedgerEntry> open;
        for (var attempt = 1; ; attempt++)
        {
            open = await ReadOpenAsync(message, cancellationToken).ConfigureAwait(false);
            if (open.Count == 0)
            {
                LogNothingToSend(logger, message.DigestKey, dequeueCount);
                return;
            }

            var claim = await ClaimAsync(open[0], messageId, cancellationToken).ConfigureAwait(false);
            if (claim.Claimed is { } claimed)
            {
                open[0] = claimed;
                break;
            }

            if (claim.HeldUntil is { } until)
            {
                await DeferAsync(message, claim.Holder!, until, cancellationToken).ConfigureAwait(false);
                return;
            }

            // The first row changed between the read and the claim (settled, or claimed by another copy): read again.
            if (attempt >= SettleAttempts)
            {
                throw new ContentionException($"Digest {message.DigestKey} kept changing while it was claimed.");
            }
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
            // One signed link per item for this recipient, issued on the sweep's day so a redelivery renders the same email.
            rendered = DigestComposer.Compose(new DigestRequest(
                message.Recipient,
                mail.Value.FromAddress,
                message.SweepDay,
                [.. open.Select(e => new DigestItem(e.Alert, links.For(e.Authority, e.Alert.MilestoneKey, message.Recipient, message.SweepDay).AbsoluteUri))],
                names));
        }
        catch (ArgumentException ex)
        {
            await FailAsync(message, open, $"The digest cannot be composed: {ex.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await email.SendAsync(rendered, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case DeliveryOutcome.Sent sent:
                var settled = await SettleAsync(open, e => e with
                {
                    Status = LedgerStatus.Sent,
                    SentAt = clock.GetCurrentInstant(),
                    ProviderId = sent.ProviderId,
                    DigestKey = e.DigestKey ?? message.DigestKey,
                }, cancellationToken).ConfigureAwait(false);
                LogSent(logger, message.DigestKey, message.Recipient, open.Count, message.Attempt, sent.ProviderId);
                await PublishAsync(message, settled, cancellationToken).ConfigureAwait(false);
                return;
            case DeliveryOutcome.RetryAfter retry:
                await RetryLaterAsync(message, dequeueCount, open, Clamp(retry.Delay), retry.Reason, cancellationToken).ConfigureAwait(false);
                return;
            case DeliveryOutcome.Transient transient:
                await RetryLaterAsync(message, dequeueCount, open, Backoff(message.Attempt), transient.Reason, cancellationToken).ConfigureAwait(false);
                return;
            case DeliveryOutcome.Permanent permanent:
                await FailAsync(message, open, permanent.Reason, cancellationToken).ConfigureAwait(false);
                return;
            default:
                throw new InvalidOperationException($"Unknown delivery outcome {outcome.GetType().Name}.");
        }
    }

    private async Task<List<AlertLedgerEntry>> ReadOpenAsync(DispatchMessage message, CancellationToken cancellationToken)
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

        return open;
    }

    /// <summary>
    /// Claims the digest on its first open row for this message: taken when unclaimed, claimed by this same message
    /// (a redelivery after a failure) or by a claim that has lapsed. Returns the claimed row; or, when another
    /// message's claim is live, who holds it and until when; or neither when the row changed meanwhile.
    /// </summary>
    private async Task<(AlertLedgerEntry? Claimed, string? Holder, Instant? HeldUntil)> ClaimAsync(AlertLedgerEntry first, string messageId, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        if (first.DispatchClaim is { } holder && holder != messageId
            && first.DispatchClaimedAt is { } at && at + Duration.FromTimeSpan(_options.ClaimLease) > now)
        {
            return (null, holder, at + Duration.FromTimeSpan(_options.ClaimLease));
        }

        var claimed = await ledger.TryUpdateAsync(first with { DispatchClaim = messageId, DispatchClaimedAt = now }, cancellationToken).ConfigureAwait(false);
        return (claimed, null, null);
    }

    /// <summary>
    /// Another message holds the digest: this copy sends nothing and goes back on the queue, visible when the claim
    /// lapses. By then the holder has normally settled every row and the copy finds nothing to send; if the holder
    /// died, the copy takes the lapsed claim over and sends.
    /// </summary>
    private async Task DeferAsync(DispatchMessage message, string holder, Instant until, CancellationToken cancellationToken)
    {
        var delay = (until - clock.GetCurrentInstant()).ToTimeSpan() + TimeSpan.FromSeconds(1);
        var enqueued = await messages.SendAsync(QueueNames.AlertDispatch, new OutgoingMessage(message.MessageId, message.ToJson()) { Delay = delay }, cancellationToken)
            .ConfigureAwait(false);
        if (!enqueued.IsSent)
        {
            // Left to the platform: this message comes back and looks again.
            throw new DeliveryFailedException($"Digest {message.DigestKey} is being sent by message {holder}; its copy could not be put back on the queue ({enqueued}).", permanent: false);
        }

        LogDeferred(logger, message.DigestKey, holder, delay);
    }

    /// <summary>
    /// Lets go of the claim on the digest's first row so that the retry copy, a different message, can take it; when
    /// the row has changed meanwhile (the sweep's recovery took it back), whoever changed it decides.
    /// </summary>
    private async Task ReleaseAsync(AlertLedgerEntry first, CancellationToken cancellationToken)
    {
        if (await ledger.TryUpdateAsync(first with { DispatchClaim = null, DispatchClaimedAt = null }, cancellationToken).ConfigureAwait(false) is null)
        {
            LogReleaseLost(logger, first.Authority, first.Key);
        }
    }

    /// <summary>
    /// Re-enqueues a copy (attempt + 1) that becomes visible after <paramref name="delay"/> and completes this message.
    /// When the copy cannot be enqueued, this message fails transiently and the platform redelivers it.
    /// </summary>
    private async Task RetryLaterAsync(
        DispatchMessage message, long dequeueCount, List<AlertLedgerEntry> open, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        if (message.Attempt + 1 >= _options.MaxAttempts)
        {
            await FailAsync(message, open, $"Gave up after {message.Attempt + 1} attempts. Last error: {reason}", cancellationToken).ConfigureAwait(false);
            return;
        }

        await ReleaseAsync(open[0], cancellationToken).ConfigureAwait(false);
        var next = message with { Attempt = message.Attempt + 1 };
        var enqueued = await messages.SendAsync(QueueNames.AlertDispatch, new OutgoingMessage(next.MessageId, next.ToJson()) { Delay = delay }, cancellationToken)
            .ConfigureAwait(false);
        if (enqueued.IsSent)
        {
            LogRetryScheduled(logger, message.DigestKey, next.Attempt, delay, reason);
            return;
        }

        if (dequeueCount >= _options.MaxDeliveries)
        {
            await FailAsync(message, open, $"Failed on delivery {dequeueCount} and could not be re-enqueued ({enqueued}). Last error: {reason}", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        LogRetryByRedelivery(logger, message.DigestKey, dequeueCount, reason);
        throw new DeliveryFailedException(reason, permanent: false);
    }

    private async Task FailAsync(DispatchMessage message, List<AlertLedgerEntry> open, string reason, CancellationToken cancellationToken)
    {
        await SettleAsync(open, e => e with { Status = LedgerStatus.Failed, FailureReason = reason, DigestKey = e.DigestKey ?? message.DigestKey }, cancellationToken)
            .ConfigureAwait(false);
        LogFailed(logger, message.DigestKey, message.Recipient, open.Count, reason);
        throw new DeliveryFailedException(reason, permanent: true);
    }

    /// <summary>
    /// Writes the final status on each row with If-Match, re-reading after a lost race (a sweep marking it queued);
    /// returns the rows this call settled.
    /// </summary>
    private async Task<List<AlertLedgerEntry>> SettleAsync(
        List<AlertLedgerEntry> entries, Func<AlertLedgerEntry, AlertLedgerEntry> settle, CancellationToken cancellationToken)
    {
        var settled = new List<AlertLedgerEntry>(entries.Count);
        foreach (var original in entries)
        {
            var entry = original;
            for (var attempt = 1; ; attempt++)
            {
                var final = settle(entry);
                if (await ledger.TrySettleAsync(final, cancellationToken).ConfigureAwait(false))
                {
                    settled.Add(final);
                    break;
                }

                var current = await ledger.GetAsync(entry.Authority, entry.Key, cancellationToken).ConfigureAwait(false);
                if (current is null || !current.Status.IsOpen())
                {
                    break;
                }

                if (attempt >= SettleAttempts)
                {
                    throw new ContentionException($"Alert {entry.Authority}/{entry.Key} kept changing while its outcome was recorded.");
                }

                entry = current;
            }
        }

        return settled;
    }

    // The email has gone: a publishing failure is logged and must not make the platform redeliver (and re-send) it.
    private async Task PublishAsync(DispatchMessage message, List<AlertLedgerEntry> sent, CancellationToken cancellationToken)
    {
        if (!publisher.IsEnabled || sent.Count == 0)
        {
            return;
        }

        try
        {
            await publisher.PublishAsync(sent, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex, message.DigestKey, sent.Count);
        }
    }

    private TimeSpan Backoff(int attempt) =>
        Clamp(TimeSpan.FromTicks(_options.RetryBaseDelay.Ticks * (1L << Math.Min(attempt, 20))));

    private TimeSpan Clamp(TimeSpan delay) =>
        delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestKey} sent to {Recipient} with {Count} alerts (attempt {Attempt}, provider id {ProviderId})")]
    private static partial void LogSent(ILogger logger, string digestKey, string recipient, int count, int attempt, string? providerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {DigestKey}: every alert is already sent or failed (delivery {DeliveryCount}); nothing to do")]
    private static partial void LogNothingToSend(ILogger logger, string digestKey, long deliveryCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey} names {Authority}/{AlertKey}, which is not in the ledger; left out")]
    private static partial void LogMissingRow(ILogger logger, string digestKey, string authority, string alertKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey} is being sent by message {Holder}; this copy sends nothing and looks again in {Delay}")]
    private static partial void LogDeferred(ILogger logger, string digestKey, string holder, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Authority}/{AlertKey} changed before its digest's claim was released; left as it is")]
    private static partial void LogReleaseLost(ILogger logger, string authority, string alertKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey}: attempt {Attempt} scheduled in {Delay}: {Reason}")]
    private static partial void LogRetryScheduled(ILogger logger, string digestKey, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {DigestKey}: retry copy could not be enqueued; leaving delivery {DeliveryCount} to the platform: {Reason}")]
    private static partial void LogRetryByRedelivery(ILogger logger, string digestKey, long deliveryCount, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {DigestKey} to {Recipient} failed permanently; {Count} alerts marked failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string digestKey, string recipient, int count, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {DigestKey}: {Count} sent alerts could not be published to the alerts topic")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string digestKey, int count);
}
