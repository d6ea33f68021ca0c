using System.ComponentModel.DataAnnotations;

namespace Scheduler.Application.Alerts.Dispatch;

/// <summary>Alert dispatch settings (section <c>Scheduler:Dispatch</c>).</summary>
public sealed class DispatchOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scheduler:Dispatch";

    /// <summary>Send attempts per digest (the first plus re-enqueued retries) before its alerts are marked failed.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry after a transient failure; it doubles with every attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between attempts (a longer <c>Retry-After</c> is cut to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long one delivery's claim on a digest keeps another copy of its message from sending it. Shorter than the
    /// platform's 10-minute visibility while a message is processed, so that the redelivery after a crash finds the
    /// claim lapsed and takes it over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:09:59", ErrorMessage = "Scheduler:Dispatch:ClaimLease must be between 1 second and 9:59 minutes (under the platform's 10-minute visibility).")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Deliveries of one queue message before the platform poisons it (Service Bus max delivery count, local poller).</summary>
    public int MaxDeliveries { get; set; } = 5;
}
