using Microsoft.Extensions.Options;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Triggers;

/// <summary>
/// Outside the Functions host: reads every function.json and runs its timer or queue trigger in-process,
/// invoking the same handlers the host would. Does nothing under the host.
/// </summary>
public sealed partial class LocalTriggerService(
    IConfiguration configuration,
    IOptions<SchedulerOptions> options,
    IServiceProvider services,
    ILogger<LocalTriggerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.LocalTriggers;
        if (!LocalTriggerActivation.IsEnabled(configuration, settings))
        {
            LogDisabled(logger, HandlerHosting.IsUnderFunctionsHost(configuration));
            return;
        }

        IReadOnlyList<FunctionDefinition> functions;
        try
        {
            functions = FunctionJsonCatalog.Load(settings.FunctionsDirectory);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogCatalogError(logger, ex, settings.FunctionsDirectory);
            return;
        }

        var runs = new List<Task>();
        foreach (var function in functions.Where(f => !f.IsHttp))
        {
            try
            {
                if (Start(function, stoppingToken) is { } run)
                {
                    runs.Add(run);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException)
            {
                LogFunctionNotStarted(logger, ex, function.Name);
            }
        }

        LogRunning(logger, runs.Count, Path.GetFullPath(settings.FunctionsDirectory));
        await Task.WhenAll(runs);
    }

    private Task? Start(FunctionDefinition function, CancellationToken stoppingToken)
    {
        var trigger = function.Trigger;
        var context = $"Function '{function.Name}' ({function.Path})";
        if (trigger.Type.Equals(BindingTypes.TimerTrigger, StringComparison.OrdinalIgnoreCase))
        {
            var expression = BindingExpressions.Resolve(
                trigger.GetString("schedule") ?? throw new InvalidOperationException($"{context} has no schedule."), configuration, context);
            var schedule = TimerTriggerRunner.ParseSchedule(expression, function.Name);
            LogTimer(logger, function.Name, expression);
            var runner = services.GetRequiredService<TimerTriggerRunner>();
            return Task.Run(() => runner.RunAsync(function.Name, trigger.Name, schedule, stoppingToken), CancellationToken.None);
        }

        if (trigger.Type.Equals(BindingTypes.ServiceBusTrigger, StringComparison.OrdinalIgnoreCase)
            || trigger.Type.Equals(BindingTypes.QueueTrigger, StringComparison.OrdinalIgnoreCase))
        {
            var queueName = BindingExpressions.Resolve(
                trigger.GetString("queueName") ?? throw new InvalidOperationException($"{context} has no queueName."), configuration, context);
            if (services.GetService<ITriggerQueue>() is not { } queue)
            {
                throw new InvalidOperationException(
                    $"{context} needs queue '{queueName}', but no storage queue client is configured (set Scheduler:Storage:ConnectionString).");
            }

            var poller = ActivatorUtilities.CreateInstance<QueuePoller>(services, queue);
            return Task.Run(() => poller.RunAsync(function.Name, trigger.Name, trigger.Type, queueName, stoppingToken), CancellationToken.None);
        }

        LogUnsupported(logger, function.Name, trigger.Type);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Local triggers are off (under the Functions host: {UnderHost})")]
    private static partial void LogDisabled(ILogger logger, bool underHost);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local triggers cannot read function definitions from {Directory}")]
    private static partial void LogCatalogError(ILogger logger, Exception exception, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Local trigger for {FunctionName} not started")]
    private static partial void LogFunctionNotStarted(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Local triggers running: {Count} from {Directory}")]
    private static partial void LogRunning(ILogger logger, int count, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {FunctionName} scheduled with {Schedule} (UTC)")]
    private static partial void LogTimer(ILogger logger, string functionName, string schedule);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} has trigger type {TriggerType}, which local triggers do not run")]
    private static partial void LogUnsupported(ILogger logger, string functionName, string triggerType);
}
