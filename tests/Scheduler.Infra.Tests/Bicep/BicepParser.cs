using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>A syntax error the Bicep grammar found (1-based line and column).</summary>
public sealed record BicepSyntaxError(int Line, int Column, string Message);

/// <summary>One top-level Bicep declaration: kind (param, var, resource, module, output, ...), name and value.</summary>
/// <param name="Value">The declared value as JSON: literals as JSON values, objects and arrays as such, other
/// expressions as {"$ref": name} or {"$expr": text, "refs": [...]}, loops as {"$for": ...}, conditions as {"$if": ...}.</param>
public sealed record BicepDeclaration(
    string Kind,
    string? Name,
    string? Type,
    string? ModulePath,
    bool Existing,
    JsonNode? Value,
    IReadOnlyList<string> Decorators,
    int Line);

/// <summary>A parsed Bicep file: its syntax errors and its declarations.</summary>
public sealed record BicepFile(string Path, IReadOnlyList<BicepSyntaxError> Errors, IReadOnlyList<BicepDeclaration> Declarations)
{
    /// <summary>True when the grammar accepted the whole file.</summary>
    public bool Ok => Errors.Count == 0;

    /// <summary>Declarations of one kind.</summary>
    public IEnumerable<BicepDeclaration> OfKind(string kind) => Declarations.Where(d => d.Kind == kind);

    /// <summary>The declaration of a kind with a name, or null.</summary>
    public BicepDeclaration? Find(string kind, string name) => Declarations.FirstOrDefault(d => d.Kind == kind && d.Name == name);
}

/// <summary>
/// Parses Bicep with the tree-sitter Bicep grammar: runs infra/tools/bicep-ast.cjs (web-tree-sitter and the
/// grammar's WebAssembly build from npm) and reads its JSON.
/// </summary>
public static class BicepParser
{
    /// <summary>Parses the given files in one node process.</summary>
    public static IReadOnlyList<BicepFile> Parse(IEnumerable<string> paths)
    {
        var files = paths.ToList();
        if (!Directory.Exists(RepoRoot.Combine("node_modules", "web-tree-sitter"))
            || !Directory.Exists(RepoRoot.Combine("node_modules", "tree-sitter-bicep")))
        {
            throw new InvalidOperationException(
                "The Bicep grammar is not installed: run `npm ci` (or scripts/install-deps) in the repository root.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoRoot.Combine("infra", "tools", "bicep-ast.cjs"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep-ast.cjs did not finish within 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep-ast.cjs exited {process.ExitCode}: {stderr.Result}");
        }

        var root = JsonNode.Parse(stdout)!["files"]!.AsArray();
        return root.Select(ReadFile).ToList();
    }

    private static BicepFile ReadFile(JsonNode? node)
    {
        var errors = node!["errors"]!.AsArray()
            .Select(e => new BicepSyntaxError((int)e!["line"]!, (int)e["column"]!, (string)e["message"]!))
            .ToList();
        var declarations = node["declarations"]!.AsArray().Select(d => new BicepDeclaration(
                (string)d!["kind"]!,
                (string?)d["name"],
                d["type"] is JsonValue t && t.TryGetValue<string>(out var type) ? type : null,
                (string?)d["path"],
                d["existing"] is JsonValue e && e.GetValue<bool>(),
                d["value"]?.DeepClone(),
                d["decorators"] is JsonArray decorators ? decorators.Select(x => (string)x!["name"]!).ToList() : [],
                (int)d["line"]!))
            .ToList();
        return new BicepFile((string)node["path"]!, errors, declarations);
    }
}
