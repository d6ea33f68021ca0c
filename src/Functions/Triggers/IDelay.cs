namespace Scheduler.Functions.Triggers;

/// <summary>Waiting, behind an interface so tests can step time instead of sleeping.</summary>
public interface IDelay
{
    /// <summary>Waits <paramref name="duration"/> or until cancelled.</summary>
    Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken);
}

/// <summary>Real waiting with <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
public sealed class SystemDelay : IDelay
{
    /// <inheritdoc />
    public Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken) =>
        duration <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(duration, cancellationToken);
}
