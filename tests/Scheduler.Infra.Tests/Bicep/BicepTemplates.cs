using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>The repository's Bicep templates, parsed once per test run, with helpers to read their values.</summary>
public static class BicepTemplates
{
    private static readonly Lazy<IReadOnlyDictionary<string, BicepFile>> Parsed = new(ParseAll);

    /// <summary>Folder of main.bicep.</summary>
    public static string Folder => RepoRoot.Combine("infra", "bicep");

    /// <summary>Every .bicep file under infra/bicep, keyed by path relative to that folder ("main.bicep", "modules/x.bicep").</summary>
    public static IReadOnlyDictionary<string, BicepFile> All => Parsed.Value;

    /// <summary>main.bicep.</summary>
    public static BicepFile Main => All["main.bicep"];

    /// <summary>A module file by its file name, e.g. "storage.bicep".</summary>
    public static BicepFile Module(string fileName) => All[$"modules/{fileName}"];

    /// <summary>A string literal, or null when the node is anything else.</summary>
    public static string? Literal(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The identifier a node refers to ({"$ref": name}), or null.</summary>
    public static string? Reference(JsonNode? node) => node is JsonObject o ? Literal(o["$ref"]) : null;

    /// <summary>The source text of an expression node ({"$expr": text} or {"$interp": text}), or null.</summary>
    public static string? Expression(JsonNode? node) =>
        node is JsonObject o ? Literal(o["$expr"]) ?? Literal(o["$interp"]) : null;

    /// <summary>The identifiers an expression uses.</summary>
    public static IReadOnlyList<string> Refs(JsonNode? node) => node switch
    {
        JsonObject o when o["$ref"] is not null => [Literal(o["$ref"])!],
        JsonObject o when o["refs"] is JsonArray refs => refs.Select(r => (string)r!).ToList(),
        _ => [],
    };

    /// <summary>A resource's body: unwraps a loop ($for) or condition ($if) to the object it repeats or guards.</summary>
    public static JsonObject Body(BicepDeclaration declaration)
    {
        var node = declaration.Value;
        while (node is JsonObject o && (o["$for"] is not null || o["$if"] is not null))
        {
            node = (o["$for"] ?? o["$if"])!["body"];
        }

        return node as JsonObject
               ?? throw new InvalidOperationException($"{declaration.Name} has no object body");
    }

    /// <summary>
    /// The names a resource declares: its literal name, or, for a loop over a literal array variable whose item is
    /// the name, every element of that array.
    /// </summary>
    public static IReadOnlyList<string> ResourceNames(BicepFile file, BicepDeclaration resource)
    {
        var body = Body(resource);
        if (Literal(body["name"]) is { } name)
        {
            return [name];
        }

        if (resource.Value is JsonObject o && o["$for"] is JsonObject loop
            && Reference(body["name"]) == Literal(loop["item"])
            && Reference(loop["source"]) is { } source
            && file.Find("var", source)?.Value is JsonArray items)
        {
            return items.Select(i => Literal(i) ?? throw new InvalidOperationException($"{source} has a non-literal item")).ToList();
        }

        return [];
    }

    /// <summary>Resources of a type (the part before '@'), e.g. "Microsoft.ServiceBus/namespaces/queues".</summary>
    public static IEnumerable<BicepDeclaration> Resources(BicepFile file, string type) =>
        file.OfKind("resource").Where(r => r.Type?.Split('@')[0] == type);

    private static IReadOnlyDictionary<string, BicepFile> ParseAll()
    {
        var files = Directory.GetFiles(Folder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parsed = BicepParser.Parse(files);
        return parsed.ToDictionary(
            f => System.IO.Path.GetRelativePath(Folder, f.Path).Replace('\\', '/'),
            f => f);
    }
}
