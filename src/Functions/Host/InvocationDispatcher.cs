using System.Diagnostics;

namespace Scheduler.Functions.Host;

/// <summary>
/// Runs one invocation through the registered handler in its own DI scope. Both the host's
/// <c>POST /{FunctionName}</c> and the local trigger runner go through here, so they share one code path.
/// </summary>
public sealed partial class InvocationDispatcher(IServiceScopeFactory scopes, ILogger<InvocationDispatcher> logger)
{
    /// <summary>Invokes the handler named by <see cref="InvocationRequest.FunctionName"/>; exceptions become failed results.</summary>
    public async Task<InvocationResult> DispatchAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<FunctionRegistry>();
        if (!registry.TryGet(request.FunctionName, out var handler))
        {
            LogUnknownFunction(logger, request.FunctionName);
            return InvocationResult.PermanentlyFailed($"No handler is registered for function '{request.FunctionName}'.");
        }

        using var logScope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["FunctionName"] = handler.Name,
            ["MessageId"] = request.MessageId,
            ["DeliveryCount"] = request.DeliveryCount,
        });
        var started = Stopwatch.GetTimestamp();
        InvocationResult result;
        try
        {
            result = await handler.InvokeAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (InvalidInvocationException ex)
        {
            LogInvalidInvocation(logger, ex, handler.Name);
            return InvocationResult.PermanentlyFailed(ex.Message);
        }
        catch (Exception ex)
        {
            LogHandlerThrew(logger, ex, handler.Name);
            return InvocationResult.Failed($"{ex.GetType().Name}: {ex.Message}");
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.IsSuccess)
        {
            LogSucceeded(logger, handler.Name, elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailed(logger, handler.Name, result.Outcome, result.Error, elapsed.TotalMilliseconds);
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invocation for unknown function {FunctionName}")]
    private static partial void LogUnknownFunction(ILogger logger, string functionName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} received an invalid invocation payload")]
    private static partial void LogInvalidInvocation(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} threw")]
    private static partial void LogHandlerThrew(ILogger logger, Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {FunctionName} succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogSucceeded(ILogger logger, string functionName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {FunctionName} ended {Outcome}: {Error} ({ElapsedMs:0.0} ms)")]
    private static partial void LogFailed(ILogger logger, string functionName, InvocationOutcome outcome, string? error, double elapsedMs);
}
