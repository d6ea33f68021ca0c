namespace Scheduler.Application.Errors;

/// <summary>The request contradicts what is stored: the resource already exists, or an id was reused for something else.</summary>
public sealed class ConflictException(string detail) : SchedulerException(detail)
{
    /// <inheritdoc />
    public override bool IsPermanent => true;
}
