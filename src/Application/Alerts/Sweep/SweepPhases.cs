using System.Text.Json.Serialization;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>
/// Where one sweep's time went, in milliseconds of wall time per phase, so a slow sweep says which part grew. The
/// phases run one after another, so they add up to about <see cref="SweepSummary.DurationMs"/>.
/// </summary>
public sealed record SweepPhases
{
    /// <summary>Reading the watermark and the authority list.</summary>
    [JsonPropertyName("authoritiesMs")]
    public long AuthoritiesMs { get; init; }

    /// <summary>The range query over the due-date index.</summary>
    [JsonPropertyName("indexQueryMs")]
    public long IndexQueryMs { get; init; }

    /// <summary>Reading acknowledgements (one partition per authority with rows).</summary>
    [JsonPropertyName("acknowledgementsMs")]
    public long AcknowledgementsMs { get; init; }

    /// <summary>Evaluating the escalation policy over the rows read and resolving addresses (no I/O).</summary>
    [JsonPropertyName("evaluationMs")]
    public long EvaluationMs { get; init; }

    /// <summary>Inserting new alerts into the ledger (row and open marker).</summary>
    [JsonPropertyName("ledgerWritesMs")]
    public long LedgerWritesMs { get; init; }

    /// <summary>The recovery scan of open markers per authority, and any takeovers.</summary>
    [JsonPropertyName("recoveryMs")]
    public long RecoveryMs { get; init; }

    /// <summary>Enqueueing digests and marking their rows queued.</summary>
    [JsonPropertyName("enqueueMs")]
    public long EnqueueMs { get; init; }

    /// <summary>Advancing the watermark.</summary>
    [JsonPropertyName("watermarkMs")]
    public long WatermarkMs { get; init; }

    /// <summary>The retention pass over the audit log and the ledger.</summary>
    [JsonPropertyName("retentionMs")]
    public long RetentionMs { get; init; }
}
