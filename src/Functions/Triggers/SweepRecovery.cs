using Scheduler.Application.Alerts.Sweep;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// The recovery timer (<c>Scheduler__Sweep__RecoverySchedule</c>, default every 10 minutes, NCrontab with seconds,
/// UTC): enqueues the alerts a sweep recorded but never enqueued (its process died, or the queue refused), so they
/// go out within minutes rather than at the next daily sweep.
/// </summary>
public sealed partial class SweepRecovery(SweepRunner sweep, ILogger<SweepRecovery> logger)
{
    /// <summary>The function.</summary>
    [Function(nameof(SweepRecovery))]
    public async Task RunAsync([TimerTrigger("%Scheduler__Sweep__RecoverySchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        LogFired(logger, timer.IsPastDue);
        await sweep.RecoverAsync(SweepRunner.RecoveryTrigger, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sweep recovery timer fired (past due: {IsPastDue})")]
    private static partial void LogFired(ILogger logger, bool isPastDue);
}
