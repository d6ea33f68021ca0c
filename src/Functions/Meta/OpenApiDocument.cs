using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Scheduler.Functions.Meta;

/// <summary>The OpenAPI 3 document of the HTTP functions, built from their trigger and <see cref="ApiOperationAttribute"/> attributes.</summary>
public static partial class OpenApiDocument
{
    /// <summary>The document, built once.</summary>
    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger is HttpTriggerAttribute))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var route = "/" + trigger.Route;
            if (paths[route] is not JsonObject path)
            {
                paths[route] = path = [];
            }

            var operation = function.Method.GetCustomAttribute<ApiOperationAttribute>();
            foreach (var method in trigger.Methods ?? ["get"])
            {
                path[method.ToLowerInvariant()] = new JsonObject
                {
                    ["operationId"] = function.Name,
                    ["tags"] = new JsonArray(operation?.Tag ?? "Meta"),
                    ["summary"] = operation?.Summary ?? function.Name,
                    ["parameters"] = new JsonArray([.. RouteParameter().Matches(trigger.Route ?? string.Empty).Select(m => (JsonNode)new JsonObject
                    {
                        ["name"] = m.Groups[1].Value,
                        ["in"] = "path",
                        ["required"] = true,
                        ["schema"] = new JsonObject { ["type"] = "string" },
                    })]),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.1",
            ["info"] = new JsonObject { ["title"] = "Scheduler API", ["version"] = "v1" },
            ["paths"] = paths,
        };
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();
}
