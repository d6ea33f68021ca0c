using System.Text.Json.Nodes;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>
/// The <c>functions.metadata</c> the worker SDK generates next to the Functions build output: what the Functions
/// host indexes in Azure. Read from this test's output (it is copied with the Functions assembly), else from
/// src/Functions' Release output.
/// </summary>
public static class FunctionMetadata
{
    /// <summary>The file's path.</summary>
    public static string Path
    {
        get
        {
            var local = System.IO.Path.Combine(AppContext.BaseDirectory, "functions.metadata");
            if (File.Exists(local))
            {
                return local;
            }

            var built = System.IO.Path.Combine(Infrastructure.AzuriteFixture.FindRepoRoot(), "src", "Functions", "bin", "Release", "net10.0", "functions.metadata");
            return File.Exists(built) ? built : throw new FileNotFoundException("No functions.metadata: build src/Functions in Release first.", built);
        }
    }

    /// <summary>Every function the file declares.</summary>
    public static IReadOnlyList<JsonObject> Functions => [.. JsonNode.Parse(File.ReadAllText(Path))!.AsArray().Select(f => f!.AsObject())];

    /// <summary>A function's trigger binding (the one input binding whose type ends in "Trigger").</summary>
    public static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The name of a metadata entry.</summary>
    public static string Name(JsonObject function) => function["name"]!.GetValue<string>();
}
