namespace Scheduler.Application.Errors;

/// <summary>The authority, episode, case, key or milestone named does not exist.</summary>
public sealed class NotFoundException(string what) : SchedulerException($"{what} does not exist.")
{
    /// <inheritdoc />
    public override bool IsPermanent => true;
}
