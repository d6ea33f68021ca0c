using System.Text.Json.Serialization;
using NodaTime;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>What one sweep did: the operator endpoint's answer and the source of the sweep's end-of-run log.</summary>
public sealed record SweepSummary
{
    /// <summary>The run's id (also the ledger claim id).</summary>
    [JsonPropertyName("runId")]
    public required string RunId { get; init; }

    /// <summary>What started it (<c>timer</c>, <c>operator</c>, <c>test</c>).</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>London today.</summary>
    [JsonPropertyName("today")]
    public required LocalDate Today { get; init; }

    /// <summary>The watermark the run started from (null on the first run ever).</summary>
    [JsonPropertyName("lastSuccessfulDay")]
    public LocalDate? LastSuccessfulDay { get; init; }

    /// <summary>The working days in (lastSuccessfulDay, today] whose alerts were evaluated.</summary>
    [JsonPropertyName("evaluatedDays")]
    public required IReadOnlyList<LocalDate> EvaluatedDays { get; init; }

    /// <summary>The last effective date read from the due-date index.</summary>
    [JsonPropertyName("readThrough")]
    public LocalDate? ReadThrough { get; init; }

    [JsonPropertyName("authorities")]
    public int Authorities { get; init; }

    /// <summary>Due-index rows read.</summary>
    [JsonPropertyName("milestones")]
    public int Milestones { get; init; }

    /// <summary>Alerts the policy produced (one per milestone and recipient role).</summary>
    [JsonPropertyName("candidates")]
    public int Candidates { get; init; }

    /// <summary>Milestones alerted for the first time at their current due date by this run (first sight).</summary>
    [JsonPropertyName("firstSight")]
    public int FirstSight { get; init; }

    /// <summary>Ledger rows this run inserted (alert × address).</summary>
    [JsonPropertyName("newAlerts")]
    public int NewAlerts { get; init; }

    /// <summary>Alert × address pairs already in the ledger (sent before, or by a concurrent sweep).</summary>
    [JsonPropertyName("alreadyRecorded")]
    public int AlreadyRecorded { get; init; }

    /// <summary>Pending alerts of earlier runs that never reached the queue, taken over and enqueued by this run.</summary>
    [JsonPropertyName("recovered")]
    public int Recovered { get; init; }

    /// <summary>Candidates whose role has no address at the authority (logged; nothing recorded).</summary>
    [JsonPropertyName("unroutable")]
    public int Unroutable { get; init; }

    [JsonPropertyName("digestsEnqueued")]
    public int DigestsEnqueued { get; init; }

    /// <summary>Digests that could not be enqueued; their alerts stay pending and a later sweep enqueues them.</summary>
    [JsonPropertyName("digestsFailed")]
    public int DigestsFailed { get; init; }

    /// <summary>The watermark after the run.</summary>
    [JsonPropertyName("watermark")]
    public LocalDate? Watermark { get; init; }

    [JsonPropertyName("durationMs")]
    public long DurationMs { get; init; }

    /// <summary>Where the time went, phase by phase.</summary>
    [JsonPropertyName("phases")]
    public SweepPhases? Phases { get; init; }

    /// <summary>Audit rows older than the retention period removed by this run (null if the pass failed or did not run: only the first sweep of a month runs it).</summary>
    [JsonPropertyName("retentionAuditRowsDeleted")]
    public int? RetentionAuditRowsDeleted { get; init; }

    /// <summary>Alert-ledger rows older than the retention period removed by this run (null if the pass failed or did not run).</summary>
    [JsonPropertyName("retentionLedgerRowsDeleted")]
    public int? RetentionLedgerRowsDeleted { get; init; }
}
