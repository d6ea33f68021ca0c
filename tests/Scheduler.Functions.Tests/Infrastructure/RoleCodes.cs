using System.Text.Json.Nodes;
using Scheduler.Domain.Rules;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// The documented role codes (docs/rules.md, Roles: PO, DCS, CEX, IBC, DFE, COM, OFS, IRO, CPC, TM, HOS, SCR) and a
/// check that a JSON answer spells every one of them upper-case, as property names and as values alike.
/// </summary>
public static class RoleCodes
{
    /// <summary>The codes as docs/rules.md writes them.</summary>
    public static IReadOnlyList<string> Documented { get; } = ["PO", "DCS", "CEX", "IBC", "DFE", "COM", "OFS", "IRO", "CPC", "TM", "HOS", "SCR"];

    /// <summary>Every string or property name in <paramref name="node"/> equal to a role code ignoring case, with where it was.</summary>
    public static IEnumerable<(string Path, string Text)> Collect(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (IsRole(name))
                    {
                        yield return ($"{path}.{name} (name)", name);
                    }

                    foreach (var hit in Collect(value, $"{path}.{name}"))
                    {
                        yield return hit;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var hit in Collect(a[i], $"{path}[{i}]"))
                    {
                        yield return hit;
                    }
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && IsRole(s):
                yield return (path, s);
                break;
        }
    }

    /// <summary>Asserts every role code in <paramref name="node"/> is spelt as documented; returns how many were seen.</summary>
    public static int AssertUpperCase(JsonNode? node, string what)
    {
        var hits = Collect(node).ToList();
        var wrong = hits.Where(h => !Documented.Contains(h.Text, StringComparer.Ordinal)).ToList();
        Assert.True(wrong.Count == 0, $"{what}: role codes not upper-case: {string.Join(", ", wrong.Select(w => $"{w.Path}={w.Text}"))}");
        return hits.Count;
    }

    private static bool IsRole(string text) => Documented.Contains(text, StringComparer.OrdinalIgnoreCase);

    /// <summary>The domain's roles are exactly the documented codes (so the list above cannot drift).</summary>
    public static IReadOnlyList<string> DomainRoles => [.. Enum.GetNames<Role>()];
}
