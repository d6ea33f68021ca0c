using Microsoft.Azure.Functions.Worker;
using NCrontab;
using NodaTime;
using Scheduler.Functions.Meta;

namespace Scheduler.LocalHost;

/// <summary>
/// Fires each <c>[TimerTrigger]</c> function on its schedule (NCrontab with seconds, UTC; <c>%Setting%</c> read
/// from configuration), one invocation at a time per function, as the Functions host does. A run that overlaps the
/// next occurrence makes that occurrence past due.
/// </summary>
public sealed partial class TimerTriggers(
    IEnumerable<FunctionEntry> functions, FunctionInvoker invoker, IConfiguration configuration, IClock clock, ILogger<TimerTriggers> logger) : BackgroundService
{
    private readonly List<(FunctionEntry Function, CrontabSchedule Schedule)> _timers = [];

    /// <summary>Resolves every schedule first, so a missing or bad setting stops the host at start, naming it.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timers.AddRange(functions.Where(f => f.Trigger is TimerTriggerAttribute).Select(f => (f, ScheduleOf(f, configuration))));
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_timers.Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));

    /// <summary>The schedule of a timer function, with <c>%Setting%</c> resolved (<c>__</c> read as <c>:</c>).</summary>
    public static CrontabSchedule ScheduleOf(FunctionEntry function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = ((TimerTriggerAttribute)function.Trigger).Schedule;
        var source = "its attribute";
        if (expression.StartsWith('%') && expression.EndsWith('%'))
        {
            var name = expression.Trim('%');
            source = "the setting " + name;
            expression = configuration[name.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"Timer function {function.Name} needs the setting {name}.");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"Timer function {function.Name}: '{expression}' from {source} is not an NCrontab expression with seconds (six fields, for example \"0 0 6 * * *\").");
    }

    private async Task RunAsync(FunctionEntry function, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        var trigger = (TimerTriggerAttribute)function.Trigger;
        var next = schedule.GetNextOccurrence(clock.GetCurrentInstant().ToDateTimeUtc());
        LogScheduled(logger, function.Name, next);
        if (trigger.RunOnStartup)
        {
            await InvokeAsync(function, isPastDue: false, stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetCurrentInstant().ToDateTimeUtc();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = clock.GetCurrentInstant().ToDateTimeUtc();
            await InvokeAsync(function, isPastDue: now - next > TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            next = schedule.GetNextOccurrence(clock.GetCurrentInstant().ToDateTimeUtc());
        }
    }

    private async Task InvokeAsync(FunctionEntry function, bool isPastDue, CancellationToken stoppingToken)
    {
        try
        {
            await invoker.InvokeAsync(function, new TimerInfo { IsPastDue = isPastDue }, new Dictionary<string, string?>(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // As under the Functions host: a failed run is logged and the timer keeps its schedule.
            LogFailed(logger, ex, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Function}: next run at {Next:u}")]
    private static partial void LogScheduled(ILogger logger, string function, DateTime next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {Function} failed; it keeps its schedule")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
