namespace Scheduler.Application.Errors;

/// <summary>The caller is known but may not do this (another authority's data, or an operator-only operation).</summary>
public sealed class ForbiddenException(string detail) : SchedulerException(detail)
{
    /// <inheritdoc />
    public override bool IsPermanent => true;
}
