namespace Scheduler.Application.Errors;

/// <summary>Concurrent writers kept winning the race for the same row; nothing was written and a retry may succeed.</summary>
public sealed class ContentionException(string detail) : SchedulerException(detail)
{
    /// <inheritdoc />
    public override bool IsPermanent => false;
}
