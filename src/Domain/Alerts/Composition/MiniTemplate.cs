using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>
/// A deliberately small template language: <c>{{name}}</c> placeholders and <c>{{#name}}…{{/name}}</c> repeated
/// blocks (nested blocks see their parents' values). In HTML mode every value is HTML-encoded. A placeholder the
/// model lacks is an error, so a template can only ever show what the composer chose to put in the model.
/// </summary>
public static partial class MiniTemplate
{
    /// <summary>Renders <paramref name="template"/> with <paramref name="model"/>.</summary>
    /// <exception cref="InvalidOperationException">A placeholder or block is missing from the model, or a block is unbalanced.</exception>
    public static string Render(string template, TemplateModel model, bool htmlEncode)
    {
        var builder = new StringBuilder(template.Length * 2);
        RenderInto(builder, StandaloneTagLine().Replace(template, "$1"), [model], htmlEncode);
        return builder.ToString();
    }

    /// <summary>Every placeholder and block name a template uses.</summary>
    public static IReadOnlySet<string> Names(string template) =>
        Tag().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    private static void RenderInto(StringBuilder builder, string template, List<TemplateModel> scopes, bool htmlEncode)
    {
        var position = 0;
        while (true)
        {
            var match = Tag().Match(template, position);
            if (!match.Success)
            {
                builder.Append(template, position, template.Length - position);
                return;
            }

            builder.Append(template, position, match.Index - position);
            var name = match.Groups["name"].Value;
            switch (match.Groups["kind"].Value)
            {
                case "":
                    var value = Lookup(scopes, name);
                    builder.Append(htmlEncode ? WebUtility.HtmlEncode(value) : value);
                    position = match.Index + match.Length;
                    break;
                case "#":
                    var close = FindClose(template, name, match.Index + match.Length);
                    var inner = template[(match.Index + match.Length)..close];
                    foreach (var item in LookupBlock(scopes, name))
                    {
                        scopes.Add(item);
                        RenderInto(builder, inner, scopes, htmlEncode);
                        scopes.RemoveAt(scopes.Count - 1);
                    }

                    position = close + $"{{{{/{name}}}}}".Length;
                    break;
                default:
                    throw new InvalidOperationException($"Template block {{{{/{name}}}}} closes nothing.");
            }
        }
    }

    private static int FindClose(string template, string name, int from)
    {
        var depth = 0;
        for (var match = Tag().Match(template, from); match.Success; match = match.NextMatch())
        {
            if (match.Groups["name"].Value != name)
            {
                continue;
            }

            switch (match.Groups["kind"].Value)
            {
                case "#":
                    depth++;
                    break;
                case "/" when depth == 0:
                    return match.Index;
                case "/":
                    depth--;
                    break;
            }
        }

        throw new InvalidOperationException($"Template block {{{{#{name}}}}} is never closed.");
    }

    private static string Lookup(List<TemplateModel> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw new InvalidOperationException($"Template placeholder {{{{{name}}}}} has no value.");
    }

    private static IReadOnlyList<TemplateModel> LookupBlock(List<TemplateModel> scopes, string name)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            if (scopes[i].TryGetBlock(name, out var items))
            {
                return items;
            }
        }

        throw new InvalidOperationException($"Template block {{{{#{name}}}}} has no items.");
    }

    [GeneratedRegex(@"\{\{(?<kind>[#/]?)(?<name>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Tag();

    // A block tag alone on its line leaves no blank line behind.
    [GeneratedRegex(@"(?m)^[ \t]*(\{\{[#/][A-Za-z][A-Za-z0-9]*\}\})[ \t]*\r?\n")]
    private static partial Regex StandaloneTagLine();
}
