using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>Sweep and dispatch settings (section <c>Scheduler:Sweep</c>).</summary>
public sealed class SweepOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:Sweep";

    /// <summary>Default schedule: 06:00 UTC daily.</summary>
    public const string DefaultSchedule = "0 0 6 * * *";

    /// <summary>
    /// When the daily sweep's timer fires: NCrontab with seconds, UTC (time zone settings are not honoured on Flex
    /// Consumption). The timer trigger reads it as <c>%Scheduler__Sweep__Schedule%</c>.
    /// </summary>
    [Required]
    [RegularExpression(@"^\S+( \S+){5}$", ErrorMessage = "Scheduler:Sweep:Schedule must be an NCrontab expression with six fields (seconds first), for example \"0 0 6 * * *\".")]
    public string Schedule { get; set; } = DefaultSchedule;

    /// <summary>
    /// Calendar days the sweep reads ahead at least, whatever the leads: a window whose close is this near gets its
    /// "window open" alert even when it opened earlier than the longest lead.
    /// </summary>
    public int MinimumLookaheadDays { get; set; } = 42;

    /// <summary>How long a sweep's claim on a pending alert lasts; after it, a later sweep may enqueue it (crash recovery).</summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a queued alert may wait for its dispatch before a sweep enqueues it again (its message was lost, for
    /// example a storage queue message expiring after 7 days). Far longer than the dispatcher's retries take.
    /// </summary>
    public TimeSpan RequeueQueuedAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Most alerts in one digest message; a recipient with more gets several parts (queue messages are ≤ 64 KB).</summary>
    public int MaxAlertsPerDigest { get; set; } = 100;

    /// <summary>Parallel ledger writes per sweep.</summary>
    public int Parallelism { get; set; } = 8;
}
