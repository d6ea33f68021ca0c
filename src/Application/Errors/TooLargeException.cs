namespace Scheduler.Application.Errors;

/// <summary>The input is larger than the limit the product accepts.</summary>
public sealed class TooLargeException(long limitBytes) : SchedulerException($"The input exceeds {limitBytes} bytes.")
{
    /// <summary>The limit that was exceeded.</summary>
    public long LimitBytes { get; } = limitBytes;

    /// <inheritdoc />
    public override bool IsPermanent => true;
}
