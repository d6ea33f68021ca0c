using Scheduler.Application.Alerts.Sweep;

namespace Scheduler.Functions.Triggers;

/// <summary>The daily sweep on its timer (<c>Scheduler__Sweep__Schedule</c>, NCrontab with seconds, UTC).</summary>
public sealed partial class DailySweep(SweepRunner sweep, ILogger<DailySweep> logger)
{
    /// <summary>The function.</summary>
    [Function(nameof(DailySweep))]
    public async Task RunAsync([TimerTrigger("%Scheduler__Sweep__Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        LogFired(logger, timer.IsPastDue);
        await sweep.SweepAsync("timer", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily sweep timer fired (past due: {IsPastDue})")]
    private static partial void LogFired(ILogger logger, bool isPastDue);
}
