using System.Reflection;
using Scheduler.Functions.Meta;

namespace Scheduler.LocalHost;

/// <summary>
/// Invokes one function the way the worker does: a new instance of its class per invocation from a fresh DI scope
/// (constructor injection), its trigger value for the trigger parameter, binding data (route values) for other
/// parameters by name, and the invocation's cancellation token.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <summary>Runs <paramref name="function"/> and returns what it returned (awaited), or null for a void/Task method.</summary>
    public async Task<object?> InvokeAsync(FunctionEntry function, object trigger, IReadOnlyDictionary<string, string?> bindingData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bindingData);
        await using var scope = scopes.CreateAsyncScope();
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType!);
        var arguments = function.Method.GetParameters().Select(p => Argument(function, p, trigger, bindingData, cancellationToken)).ToArray();
        object? result;
        try
        {
            result = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                var type = task.GetType();
                return type.IsGenericType ? type.GetProperty("Result")!.GetValue(task) : null;
            default:
                return result;
        }
    }

    private static object? Argument(FunctionEntry function, ParameterInfo parameter, object trigger, IReadOnlyDictionary<string, string?> bindingData, CancellationToken cancellationToken)
    {
        if (parameter == function.TriggerParameter)
        {
            return trigger;
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.ParameterType == typeof(string) && bindingData.TryGetValue(parameter.Name!, out var value))
        {
            return value;
        }

        throw new InvalidOperationException($"The local host cannot bind parameter '{parameter.Name}' of function {function.Name}.");
    }
}
