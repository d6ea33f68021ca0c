using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Functions.Triggers;

/// <summary>One <c>functions/&lt;Name&gt;/function.json</c>: the function name and its bindings.</summary>
public sealed record FunctionDefinition(string Name, string Path, IReadOnlyList<BindingDefinition> Bindings)
{
    /// <summary>The single trigger binding (type ending in <c>Trigger</c>).</summary>
    public BindingDefinition Trigger =>
        Bindings.SingleOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"{Path} declares no trigger binding.");

    /// <summary>True for <c>httpTrigger</c> functions (proxied by the host, not invoked through the payload contract).</summary>
    public bool IsHttp => Trigger.Type.Equals(BindingTypes.HttpTrigger, StringComparison.OrdinalIgnoreCase);
}

/// <summary>One entry of a function.json <c>bindings</c> array; unknown properties are kept.</summary>
public sealed record BindingDefinition(string Type, string Direction, string Name, JsonObject Properties)
{
    /// <summary>A string property (e.g. <c>schedule</c>, <c>queueName</c>, <c>route</c>), or null.</summary>
    public string? GetString(string property) =>
        Properties.TryGetPropertyValue(property, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : null;

    /// <summary>The HTTP methods of an <c>httpTrigger</c>, lower case.</summary>
    public IReadOnlyList<string> Methods =>
        Properties.TryGetPropertyValue("methods", out var node) && node is JsonArray array
            ? [.. array.Select(m => m?.GetValue<string>().ToLowerInvariant()).OfType<string>()]
            : [];
}

/// <summary>Binding type names as they appear in function.json.</summary>
public static class BindingTypes
{
    /// <summary>HTTP trigger.</summary>
    public const string HttpTrigger = "httpTrigger";

    /// <summary>Timer trigger.</summary>
    public const string TimerTrigger = "timerTrigger";

    /// <summary>Service Bus queue trigger.</summary>
    public const string ServiceBusTrigger = "serviceBusTrigger";

    /// <summary>Storage queue trigger.</summary>
    public const string QueueTrigger = "queueTrigger";
}

/// <summary>Reads every <c>&lt;dir&gt;/*/function.json</c>.</summary>
public static class FunctionJsonCatalog
{
    /// <summary>Loads the definitions, sorted by name; malformed files fail with their path.</summary>
    public static IReadOnlyList<FunctionDefinition> Load(string functionsDirectory)
    {
        if (!Directory.Exists(functionsDirectory))
        {
            throw new DirectoryNotFoundException(
                $"Functions directory '{System.IO.Path.GetFullPath(functionsDirectory)}' does not exist (set Scheduler:LocalTriggers:FunctionsDirectory).");
        }

        return [.. Directory.EnumerateDirectories(functionsDirectory)
            .Select(dir => System.IO.Path.Combine(dir, "function.json"))
            .Where(File.Exists)
            .Select(ReadFile)
            .OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    /// <summary>Reads one function.json; the function name is its folder name.</summary>
    public static FunctionDefinition ReadFile(string path)
    {
        var name = new DirectoryInfo(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!).Name;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        if (root?["bindings"] is not JsonArray bindings)
        {
            throw new InvalidDataException($"{path} has no 'bindings' array.");
        }

        var list = new List<BindingDefinition>();
        foreach (var node in bindings)
        {
            if (node is not JsonObject binding)
            {
                throw new InvalidDataException($"{path}: every binding must be an object.");
            }

            var type = Require(binding, "type", path);
            var direction = Require(binding, "direction", path);
            var bindingName = Require(binding, "name", path);
            list.Add(new BindingDefinition(type, direction, bindingName, (JsonObject)binding.DeepClone()));
        }

        return new FunctionDefinition(name, path, list);
    }

    private static string Require(JsonObject binding, string property, string path) =>
        binding.TryGetPropertyValue(property, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new InvalidDataException($"{path}: a binding lacks '{property}'.");
}
