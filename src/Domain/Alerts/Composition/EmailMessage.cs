namespace Scheduler.Domain.Alerts.Composition;

/// <summary>
/// One composed email, ready for any sender. <see cref="IdempotencyKey"/> is deterministic (same recipient, same
/// items → same key), so a retried send overwrites or is recognised rather than duplicated.
/// </summary>
/// <param name="To">The recipient address.</param>
/// <param name="From">The sender address.</param>
/// <param name="Subject">What needs doing, in one line.</param>
/// <param name="Text">The plain-text body (LF line endings; transports convert as they need).</param>
/// <param name="Html">The HTML body.</param>
/// <param name="IdempotencyKey">The digest key: safe as a RowKey and a file name.</param>
/// <param name="Headers">Extra headers, including a deterministic <c>Message-ID</c>.</param>
public sealed record EmailMessage(
    string To,
    string From,
    string Subject,
    string Text,
    string Html,
    string IdempotencyKey,
    IReadOnlyDictionary<string, string> Headers);
