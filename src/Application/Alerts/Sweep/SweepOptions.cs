using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>Sweep and dispatch settings (section <c>Scheduler:Sweep</c>).</summary>
public sealed class SweepOptions : IValidatableObject
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

    /// <summary>Default recovery schedule: every 10 minutes.</summary>
    public const string DefaultRecoverySchedule = "0 */10 * * * *";

    /// <summary>
    /// When the recovery timer fires (NCrontab with seconds, UTC; read as <c>%Scheduler__Sweep__RecoverySchedule%</c>):
    /// it enqueues alerts a sweep recorded but did not enqueue (a crashed run), so they go out within minutes.
    /// </summary>
    [Required]
    [RegularExpression(@"^\S+( \S+){5}$", ErrorMessage = "Scheduler:Sweep:RecoverySchedule must be an NCrontab expression with six fields (seconds first), for example \"0 */10 * * * *\".")]
    public string RecoverySchedule { get; set; } = DefaultRecoverySchedule;

    /// <summary>How often a running sweep records that it is alive.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Scheduler:Sweep:HeartbeatInterval must be between 1 second and 10 minutes.")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A run whose heartbeat is older than this is taken for dead: its pending alerts may be taken over at once,
    /// without waiting for <see cref="ClaimLease"/>. Several heartbeat intervals, so a slow storage call is not a death.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "01:00:00", ErrorMessage = "Scheduler:Sweep:HeartbeatTimeout must be between 2 seconds and 1 hour.")]
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// FAULT INJECTION, for the crash test only (docs/configuration.md): when true, every daily sweep, once it has
    /// recorded its alerts in the ledger, logs that it holds and waits until it is cancelled or its process is
    /// killed, never enqueueing. Never set it anywhere alerts must go out.
    /// </summary>
    public bool FaultInjectionHoldAfterLedger { get; set; }

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

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HeartbeatTimeout <= HeartbeatInterval)
        {
            yield return new ValidationResult(
                "Scheduler:Sweep:HeartbeatTimeout must be longer than Scheduler:Sweep:HeartbeatInterval (several intervals).",
                [nameof(HeartbeatTimeout)]);
        }

        if (ClaimLease <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Scheduler:Sweep:ClaimLease must be positive.", [nameof(ClaimLease)]);
        }
    }
}
