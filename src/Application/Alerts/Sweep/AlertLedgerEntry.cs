using NodaTime;
using Scheduler.Domain.Alerts;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>
/// One row of the <c>AlertLedger</c>: one alert to one address, keyed by the deterministic alert key
/// (subject · milestone · due date · level · recipient). Inserted once, conditionally; its status then moves
/// pending → queued → sent or failed. It keeps everything needed to render the alert again, so the dispatcher never
/// reads the subject.
/// </summary>
public sealed record AlertLedgerEntry
{
    /// <summary>The alert key for this address (the RowKey).</summary>
    public required string Key { get; init; }

    /// <summary>The alert, as the escalation evaluator produced it.</summary>
    public required AlertCandidate Alert { get; init; }

    /// <summary>The address it goes to (lower case).</summary>
    public required string Recipient { get; init; }

    /// <summary>The London day of the sweep that recorded it.</summary>
    public required LocalDate SweepDay { get; init; }

    /// <summary>When it was recorded.</summary>
    public required Instant RecordedAt { get; init; }

    public LedgerStatus Status { get; init; } = LedgerStatus.Pending;

    /// <summary>The sweep run that holds the right to put it in a digest (pending rows only).</summary>
    public string? ClaimId { get; init; }

    /// <summary>When that run claimed it; a claim older than the lease may be taken over.</summary>
    public Instant? ClaimedAt { get; init; }

    /// <summary>
    /// On a digest's first open row: the queue message whose delivery is sending the digest now, so that a copy of
    /// the message delivered at the same time (a put the SDK retried, a redelivery) does not send it too.
    /// </summary>
    public string? DispatchClaim { get; init; }

    /// <summary>When <see cref="DispatchClaim"/> was taken; a claim older than the dispatch lease may be taken over.</summary>
    public Instant? DispatchClaimedAt { get; init; }

    /// <summary>The digest that carries it, once queued.</summary>
    public string? DigestKey { get; init; }

    public Instant? EnqueuedAt { get; init; }

    public Instant? SentAt { get; init; }

    /// <summary>The provider's message id (SendGrid <c>X-Message-Id</c>, or the outbox file name).</summary>
    public string? ProviderId { get; init; }

    /// <summary>Why delivery failed, for <see cref="LedgerStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The stored row's version, for If-Match updates.</summary>
    public string? ETag { get; init; }

    /// <summary>The authority code (the PartitionKey).</summary>
    public string Authority => Alert.AuthorityCode;
}
