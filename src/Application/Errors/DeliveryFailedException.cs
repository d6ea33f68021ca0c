namespace Scheduler.Application.Errors;

/// <summary>
/// A digest could not be delivered. Permanent (the provider refused it, or every attempt is used up: its alerts are
/// marked failed) or not (the retry copy could not be enqueued: the platform redelivers this message).
/// </summary>
public sealed class DeliveryFailedException(string reason, bool permanent) : SchedulerException(reason)
{
    /// <inheritdoc />
    public override bool IsPermanent { get; } = permanent;
}
