namespace Scheduler.Functions.Host;

/// <summary>The registered non-HTTP function handlers, by name (case-insensitive).</summary>
public sealed class FunctionRegistry
{
    private readonly Dictionary<string, IFunctionHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the registry; two handlers with one name are a composition error.</summary>
    public FunctionRegistry(IEnumerable<IFunctionHandler> handlers)
    {
        foreach (var handler in handlers)
        {
            if (!_handlers.TryAdd(handler.Name, handler))
            {
                throw new InvalidOperationException(
                    $"Two function handlers are registered for '{handler.Name}': {_handlers[handler.Name].GetType().Name} and {handler.GetType().Name}.");
            }
        }
    }

    /// <summary>Registered function names.</summary>
    public IReadOnlyCollection<string> Names => _handlers.Keys;

    /// <summary>Finds the handler for <paramref name="name"/>.</summary>
    public bool TryGet(string name, out IFunctionHandler handler) => _handlers.TryGetValue(name, out handler!);
}
