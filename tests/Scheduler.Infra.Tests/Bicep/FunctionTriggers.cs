using System.Text.RegularExpressions;

namespace Scheduler.Infra.Tests.Bicep;

/// <summary>A timer or queue trigger attribute found in the source: its argument as written and as resolved.</summary>
/// <param name="Kind">"TimerTrigger" or "QueueTrigger".</param>
/// <param name="Argument">The first argument as written: a string literal's content or a constant's name.</param>
/// <param name="Value">The argument's value: the literal, or the constant's value (null when it cannot be resolved).</param>
/// <param name="Connection">The queue trigger's Connection = "…" argument, or null for the default connection.</param>
/// <param name="File">The file, relative to the repository root.</param>
public sealed record TriggerAttribute(string Kind, string Argument, string? Value, string? Connection, string File);

/// <summary>
/// Finds [TimerTrigger(…)] and [QueueTrigger(…)] attributes of the isolated-worker functions by scanning the C#
/// source text (the functions may not build yet while the tests run, so no reflection). An argument given as a
/// constant (QueueNames.CaseEvents) is resolved through the `const string X = "…"` declarations under src/.
/// </summary>
public static partial class FunctionTriggers
{
    /// <summary>Folder of the function classes, relative to the repository root.</summary>
    public static readonly string[] FunctionsFolder = ["src", "Functions"];

    private static readonly Lazy<IReadOnlyList<TriggerAttribute>> Scanned = new(ScanRepository);

    /// <summary>Every trigger attribute under src/Functions.</summary>
    public static IReadOnlyList<TriggerAttribute> All => Scanned.Value;

    /// <summary>The trigger attributes of one kind under src/Functions.</summary>
    public static IReadOnlyList<TriggerAttribute> OfKind(string kind) => All.Where(t => t.Kind == kind).ToList();

    /// <summary>Finds the trigger attributes in one source text, resolving constants from <paramref name="constants"/>.</summary>
    public static IEnumerable<TriggerAttribute> Find(string source, string file, IReadOnlyDictionary<string, string?> constants)
    {
        foreach (Match match in Attribute().Matches(WithoutLineComments(source)))
        {
            var kind = match.Groups["kind"].Value;
            var argument = match.Groups["arg"].Value;
            string? value;
            if (argument.StartsWith('"'))
            {
                argument = argument[1..^1];
                value = argument;
            }
            else
            {
                var parts = argument.Split('.');
                value = parts.Length >= 2 && constants.TryGetValue($"{parts[^2]}.{parts[^1]}", out var qualified)
                    ? qualified
                    : constants.GetValueOrDefault(parts[^1]);
            }

            var connection = Connection().Match(match.Groups["rest"].Value);
            yield return new TriggerAttribute(kind, argument, value, connection.Success ? connection.Groups[1].Value : null, file);
        }
    }

    /// <summary>
    /// The string constants declared in the sources, by simple name; a name declared twice with different values
    /// maps to null (ambiguous), so that an argument using it is reported rather than guessed.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Constants(IEnumerable<string> sources)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        void Add(string name, string value) => result[name] = result.TryGetValue(name, out var seen) && seen != value ? null : value;
        foreach (var source in sources)
        {
            var classes = ClassDeclaration().Matches(source);
            foreach (Match match in ConstantDeclaration().Matches(source))
            {
                var name = match.Groups[1].Value;
                var value = match.Groups[2].Value;
                Add(name, value);

                // Also by its qualified name (QueueNames.CaseEvents), which stays unambiguous when two types declare the same name.
                var owner = classes.LastOrDefault(c => c.Index < match.Index);
                if (owner is not null)
                {
                    Add($"{owner.Groups[1].Value}.{name}", value);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The app-setting name a schedule expression refers to ("%Scheduler:Sweep:Schedule%" or
    /// "%Scheduler__Sweep__Schedule%" give "Scheduler__Sweep__Schedule"), or null for a literal schedule.
    /// </summary>
    public static string? ScheduleSetting(string? schedule) =>
        schedule is { Length: > 2 } s && s[0] == '%' && s[^1] == '%' ? s[1..^1].Replace(":", "__", StringComparison.Ordinal) : null;

    private static IReadOnlyList<TriggerAttribute> ScanRepository()
    {
        var sources = SourceFiles(RepoRoot.Combine("src")).ToDictionary(f => f, File.ReadAllText);
        var constants = Constants(sources.Values);
        var functions = RepoRoot.Combine(FunctionsFolder) + Path.DirectorySeparatorChar;
        return sources
            .Where(s => s.Key.StartsWith(functions, StringComparison.Ordinal))
            .SelectMany(s => Find(s.Value, Path.GetRelativePath(RepoRoot.Path, s.Key), constants))
            .ToList();
    }

    /// <summary>The .cs files under a folder, without build output.</summary>
    public static IEnumerable<string> SourceFiles(string folder) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                            && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal);

    // Whole-line // comments only: a // inside a string (a URL) must survive.
    private static string WithoutLineComments(string source) =>
        string.Join('\n', source.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    // [TimerTrigger("…", …)], [QueueTrigger(Names.Queue, Connection = "…")], also qualified or with the Attribute suffix,
    // alone or after another attribute in the same brackets.
    [GeneratedRegex("""[\[,]\s*(?:[A-Za-z_][\w.]*\.)?(?<kind>TimerTrigger|QueueTrigger)(?:Attribute)?\s*\(\s*(?<arg>"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*)(?<rest>[^)]*)\)""")]
    private static partial Regex Attribute();

    [GeneratedRegex("""\bConnection\s*=\s*"([^"]*)""")]
    private static partial Regex Connection();

    [GeneratedRegex(@"\b(?:class|record|struct)\s+([A-Za-z_]\w*)")]
    private static partial Regex ClassDeclaration();

    [GeneratedRegex("""\bconst\s+string\s+([A-Za-z_]\w*)\s*=\s*"((?:[^"\\]|\\.)*)"\s*;""")]
    private static partial Regex ConstantDeclaration();
}

/// <summary>
/// A fact about the functions' trigger attributes: skipped, with the reason, while src/Functions has no attribute of
/// that kind (the custom-handler code being replaced has none; the isolated-worker functions bring them).
/// </summary>
public sealed class TriggerFactAttribute : FactAttribute
{
    /// <summary>Skips the fact when no attribute of <paramref name="kind"/> exists under src/Functions.</summary>
    public TriggerFactAttribute(string kind)
    {
        if (FunctionTriggers.OfKind(kind).Count == 0)
        {
            Skip = $"no [{kind}(…)] attribute in src/Functions/**/*.cs yet: the contract's names are checked against the templates by the other tests until the isolated-worker functions exist";
        }
    }
}
