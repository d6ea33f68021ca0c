using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Scheduler.Functions.Meta;

namespace Scheduler.Functions.Http;

/// <summary>
/// What logs and telemetry say about a request's path: the route template of the HTTP function it matches
/// (<c>/api/authorities/{code}/cases/{caseRef}</c>), never the path as sent, which may carry a name or a token
/// where an identifier belongs. Read from the functions' <c>[HttpTrigger]</c> routes, so a new function needs nothing here.
/// </summary>
public static partial class RouteTemplates
{
    /// <summary>What a path that matches no function is logged as.</summary>
    public const string Unmatched = "/{*path}";

    private static readonly Lazy<IReadOnlyList<(string Text, RouteTemplate Template, TemplateMatcher Matcher, IReadOnlySet<string> Methods)>> Templates = new(Build);

    /// <summary>The route template (with a leading '/') of the most specific function route <paramref name="path"/> matches.</summary>
    public static string Of(PathString path) => Match(path)?.Text ?? Unmatched;

    /// <summary>
    /// The path with each route value that is not a well-formed identifier of its kind replaced by <c>{kind}</c>
    /// (authority codes, episode ids and case references that pass their checks stay; any other kind of value, a
    /// token for example, is always replaced). Unmatched paths become <see cref="Unmatched"/>.
    /// </summary>
    public static string SafePath(PathString path)
    {
        if (Match(path) is not { } match)
        {
            return Unmatched;
        }

        var segments = match.Template.Segments.Select(segment =>
        {
            if (segment.Parts is [{ IsParameter: true } parameter] && !parameter.IsCatchAll)
            {
                var value = match.Values[parameter.Name!]?.ToString();
                return IsSafe(parameter.Name!, value) ? Uri.EscapeDataString(value!) : "{" + parameter.Name + "}";
            }

            return string.Concat(segment.Parts.Select(p => p.IsParameter ? "{" + (p.IsCatchAll ? "*" : string.Empty) + p.Name + "}" : p.Text));
        });
        return "/" + string.Join('/', segments);
    }

    /// <summary>
    /// The methods (upper-case, sorted) of the functions whose routes, other than the catch-all, match
    /// <paramref name="path"/>; empty when none does.
    /// </summary>
    public static IReadOnlyList<string> MethodsFor(PathString path) =>
        [.. Templates.Value
            .Where(t => !t.Template.Segments.Any(s => s.Parts.Any(p => p.IsCatchAll)) && t.Matcher.TryMatch(path, new RouteValueDictionary()))
            .SelectMany(t => t.Methods)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    private static (string Text, RouteTemplate Template, RouteValueDictionary Values)? Match(PathString path)
    {
        foreach (var (text, template, matcher, _) in Templates.Value)
        {
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(path, values))
            {
                return (text, template, values);
            }
        }

        return null;
    }

    private static bool IsSafe(string kind, string? value) => kind switch
    {
        "code" => KeyParts.IsAuthorityCode(value),
        "id" or "caseRef" => KeyParts.IsSubjectId(value),
        "keyId" => KeyParts.IsKeyId(value),
        _ => false,
    };

    // Most specific first (ASP.NET Core's inbound precedence: literals before parameters before catch-alls).
    private static IReadOnlyList<(string, RouteTemplate, TemplateMatcher, IReadOnlySet<string>)> Build() =>
        [.. FunctionCatalog.All
            .Select(f => f.Trigger)
            .OfType<HttpTriggerAttribute>()
            .Where(t => t.Route is not null)
            .GroupBy(t => t.Route!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Text: "/" + g.Key, Template: TemplateParser.Parse(g.Key), Methods: (IReadOnlySet<string>)g.SelectMany(t => t.Methods ?? []).Select(m => m.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal)))
            .OrderBy(t => RoutePrecedence.ComputeInbound(t.Template))
            .ThenByDescending(t => t.Template.Segments.Count)
            .Select(t => (t.Text, t.Template, new TemplateMatcher(t.Template, new RouteValueDictionary()), t.Methods))];
}
