using System.Reflection;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Scheduler.Functions.Meta;

/// <summary>
/// The app's functions as their attributes declare them: each <c>[Function]</c> method with its trigger. The local
/// host runs exactly these and the OpenAPI document lists the HTTP ones, so a function is declared once.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>Every function in the Functions assembly, by name.</summary>
    public static IReadOnlyList<FunctionEntry> All { get; } = Discover(typeof(FunctionCatalog).Assembly);

    /// <summary>The functions declared in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<FunctionEntry> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(p => p.Function is not null)
            .Select(p => new FunctionEntry(p.Function!.Name, p.Method, Trigger(p.Method)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    private static TriggerBindingAttribute Trigger(MethodInfo method) =>
        method.GetParameters().Select(p => p.GetCustomAttribute<TriggerBindingAttribute>()).SingleOrDefault(a => a is not null)
            ?? throw new InvalidOperationException($"Function method {method.DeclaringType?.Name}.{method.Name} has no trigger parameter.");
}

/// <summary>One function: its name, the method that runs it and its trigger attribute.</summary>
public sealed record FunctionEntry(string Name, MethodInfo Method, TriggerBindingAttribute Trigger)
{
    /// <summary>The trigger parameter.</summary>
    public ParameterInfo TriggerParameter => Method.GetParameters().Single(p => p.GetCustomAttribute<TriggerBindingAttribute>() is not null);
}
