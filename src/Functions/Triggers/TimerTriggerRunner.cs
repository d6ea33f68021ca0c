using System.Text.Json.Nodes;
using NCrontab;
using NodaTime;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Triggers;

/// <summary>Fires a <c>timerTrigger</c> function on its NCrontab schedule (with seconds, UTC), as the host would.</summary>
public sealed partial class TimerTriggerRunner(LocalInvoker invoker, IClock clock, IDelay delay, ILogger<TimerTriggerRunner> logger)
{
    /// <summary>Parses a six-field (seconds-first) NCrontab expression.</summary>
    public static CrontabSchedule ParseSchedule(string expression, string functionName)
    {
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return schedule ?? throw new InvalidOperationException(
            $"Function '{functionName}' has schedule '{expression}', which is not a six-field NCrontab expression (seconds first).");
    }

    /// <summary>Runs until cancelled, invoking the function at every occurrence.</summary>
    public async Task RunAsync(string functionName, string bindingName, CrontabSchedule schedule, CancellationToken cancellationToken)
    {
        Instant? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetCurrentInstant();
            var after = last is { } l && l > now ? l : now;
            var due = Next(schedule, after);
            LogScheduled(logger, functionName, due);

            try
            {
                // Loop in case a delay returns a little early: never fire before the occurrence.
                while (clock.GetCurrentInstant() < due)
                {
                    await delay.DelayAsync((due - clock.GetCurrentInstant()).ToTimeSpan(), cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var firedAt = clock.GetCurrentInstant();
            var isPastDue = Next(schedule, due) <= firedAt;
            var data = new JsonObject
            {
                [bindingName] = new JsonObject
                {
                    ["Schedule"] = new JsonObject { ["AdjustForDST"] = false },
                    ["ScheduleStatus"] = new JsonObject
                    {
                        ["Last"] = last is { } previous ? LocalInvoker.Iso(previous) : null,
                        ["Next"] = LocalInvoker.Iso(Next(schedule, due)),
                        ["LastUpdated"] = LocalInvoker.Iso(firedAt),
                    },
                    ["IsPastDue"] = isPastDue,
                },
            };
            last = due;

            try
            {
                var result = await invoker.InvokeAsync(functionName, data, new JsonObject(), "TimerTrigger", cancellationToken);
                if (result.IsSuccess)
                {
                    LogFired(logger, functionName, due);
                }
                else
                {
                    LogFiredAndFailed(logger, functionName, due, result.Outcome, result.Error);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A failed run loses nothing (sweeps recompute from state); keep the schedule going.
                LogInvokeError(logger, ex, functionName, due);
            }
        }

        LogStopped(logger, functionName);
    }

    private static Instant Next(CrontabSchedule schedule, Instant after) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(schedule.GetNextOccurrence(after.ToDateTimeUtc()), DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer {FunctionName} next due at {Due}")]
    private static partial void LogScheduled(ILogger logger, string functionName, Instant due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} fired for {Due}")]
    private static partial void LogFired(ILogger logger, string functionName, Instant due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {FunctionName} fired for {Due} and ended {Outcome}: {Error}")]
    private static partial void LogFiredAndFailed(ILogger logger, string functionName, Instant due, InvocationOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {FunctionName} invocation for {Due} threw")]
    private static partial void LogInvokeError(ILogger logger, Exception exception, string functionName, Instant due);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} stopped")]
    private static partial void LogStopped(ILogger logger, string functionName);
}
