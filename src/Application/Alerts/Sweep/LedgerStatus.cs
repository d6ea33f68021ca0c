namespace Scheduler.Application.Alerts.Sweep;

/// <summary>Where one alert is on its way to its recipient; stored in lower case on the ledger row.</summary>
public enum LedgerStatus
{
    /// <summary>Recorded by a sweep (which holds a claim on it) but not yet handed to the <c>alert-dispatch</c> queue.</summary>
    Pending,

    /// <summary>In a digest message on the <c>alert-dispatch</c> queue; the dispatcher owns it now.</summary>
    Queued,

    /// <summary>The email provider accepted the digest that carried it (SendGrid 202, or written to the outbox).</summary>
    Sent,

    /// <summary>The digest could not be delivered and will not be retried; <see cref="AlertLedgerEntry.FailureReason"/> says why.</summary>
    Failed,
}

/// <summary>The stored spellings of <see cref="LedgerStatus"/>.</summary>
public static class LedgerStatuses
{
    /// <summary>The lower-case name stored on the row.</summary>
    public static string Name(this LedgerStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Parses a stored name; unknown names are an error (the ledger is only written by this code).</summary>
    public static LedgerStatus Parse(string? name) => name switch
    {
        "pending" => LedgerStatus.Pending,
        "queued" => LedgerStatus.Queued,
        "sent" => LedgerStatus.Sent,
        "failed" => LedgerStatus.Failed,
        _ => throw new InvalidDataException($"'{name}' is not an alert ledger status."),
    };

    /// <summary>Whether the alert still waits for delivery (pending or queued).</summary>
    public static bool IsOpen(this LedgerStatus status) => status is LedgerStatus.Pending or LedgerStatus.Queued;
}
