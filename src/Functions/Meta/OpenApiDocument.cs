using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Scheduler.Application.Demo;

namespace Scheduler.Functions.Meta;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP functions, built from their attributes: each function's
/// <c>[HttpTrigger]</c> (path and methods), <see cref="ApiOperationAttribute"/> (tag, summary, key),
/// <see cref="ApiRequestAttribute"/>, <see cref="ApiResponseAttribute"/>, <see cref="ApiQueryAttribute"/> and
/// <see cref="ApiPathAttribute"/>. Schemas come from the records themselves (<see cref="ApiSchemas"/>); the answers
/// every keyed operation can give (401, 403, 400 for parameters and bodies, 413 and 415 for bodies, 500) are added here, so
/// a new function documents itself with attributes only.
/// </summary>
public static partial class OpenApiDocument
{
    /// <summary>The security scheme of the <c>X-Api-Key</c> header.</summary>
    public const string HeaderScheme = "ApiKey";

    /// <summary>The security scheme of the calendar feed's <c>?key=</c>.</summary>
    public const string QueryScheme = "FeedKey";

    // Route parameters the app uses, with what they are and a value from the Croydon demo.
    private static readonly Dictionary<string, (string Description, string Example, string? Pattern)> KnownPathParameters = new(StringComparer.Ordinal)
    {
        ["code"] = ("The authority code.", DemoSeeder.Authority, "^[a-z0-9][a-z0-9-]{1,39}$"),
        ["id"] = ("The episode id.", DemoSeeder.EpisodeId, "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"),
        ["caseRef"] = ("The council's case reference (never a name).", "CP-DEMO-001", "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"),
        ["keyId"] = ("The public id of an API key (as the key list shows it).", DemoSeeder.DemoKeyId, KeyParts.KeyIdRegex),
        ["key"] = ("The alert key, as alert emails name it.", "case.croydon.CP-DEMO-001.icpc_15wd.1.20171227.due-0.CPC", "^[A-Za-z0-9_.~-]{1,255}$"),
    };

    private const string MultipartFormData = "multipart/form-data";

    private static readonly Dictionary<int, string> StandardDescriptions = new()
    {
        [400] = "A parameter or the body is not valid: the problem names the field (`field`, `reason`, `errors`).",
        [401] = "No key, or a key that is unknown, revoked or expired.",
        [403] = "A valid key for another authority, or an authority key on an operator route.",
        [413] = "The body is larger than 64 KiB.",
        [415] = "The body is not sent as `application/json` (the problem names `Content-Type`).",
        [500] = "The request failed; the service logs say why (by route template and key id).",
    };

    /// <summary>The document.</summary>
    public static JsonObject Build()
    {
        var schemas = new ApiSchemas();
        var paths = new JsonObject();
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger is HttpTriggerAttribute t && t.Route?.Contains('*', StringComparison.Ordinal) != true))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var route = "/" + trigger.Route;
            if (paths[route] is not JsonObject path)
            {
                paths[route] = path = [];
            }

            var operation = function.Method.GetCustomAttribute<ApiOperationAttribute>() ?? new ApiOperationAttribute("Meta", function.Name) { Auth = ApiAuth.None };
            tags.Add(operation.Tag);
            foreach (var method in trigger.Methods ?? ["get"])
            {
                path[method.ToLowerInvariant()] = Operation(function, trigger.Route ?? string.Empty, operation, schemas);
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "Scheduler API",
                ["version"] = "v1",
                ["summary"] = "Statutory oversight calendars, children's case due dates and escalating alerts for English councils.",
                ["description"] = Description,
                ["license"] = new JsonObject { ["name"] = "Proprietary", ["identifier"] = "LicenseRef-Proprietary" },
            },
            ["servers"] = new JsonArray(
                new JsonObject { ["url"] = "http://127.0.0.1:7071", ["description"] = "scripts/run (the local demo)" },
                new JsonObject
                {
                    ["url"] = "https://{app}.azurewebsites.net",
                    ["description"] = "The function app in Azure",
                    ["variables"] = new JsonObject { ["app"] = new JsonObject { ["default"] = "scheduler", ["description"] = "The function app's name." } },
                }),
            ["security"] = new JsonArray(new JsonObject { [HeaderScheme] = new JsonArray() }),
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = TagDescription(t) })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [HeaderScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = ApiEndpoint.KeyHeader,
                        ["description"] = "An authority key (issued by the operator, scoped to one authority) or the operator key.",
                    },
                    [QueryScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "query",
                        ["name"] = ApiEndpoint.KeyQuery,
                        ["description"] = "The same authority key in the URL, for calendar subscriptions only (calendar clients cannot send headers). Issue one key per subscribed feed.",
                    },
                },
                ["schemas"] = Schemas(schemas),
            },
        };
    }

    private static JsonObject Operation(FunctionEntry function, string route, ApiOperationAttribute operation, ApiSchemas schemas)
    {
        var method = function.Method;
        var request = method.GetCustomAttribute<ApiRequestAttribute>();
        var queries = method.GetCustomAttributes<ApiQueryAttribute>().ToList();
        var pathNames = RouteParameter().Matches(route).Select(m => m.Groups[1].Value).ToList();
        var declaredPaths = method.GetCustomAttributes<ApiPathAttribute>().ToDictionary(p => p.Name, StringComparer.Ordinal);
        var parameters = new JsonArray();
        foreach (var name in pathNames)
        {
            var (description, example, pattern) = declaredPaths.TryGetValue(name, out var declared)
                ? (declared.Description, declared.Example, (string?)null)
                : KnownPathParameters.GetValueOrDefault(name, ($"The {name}.", name, null));
            var schema = new JsonObject { ["type"] = "string" };
            if (pattern is not null)
            {
                schema["pattern"] = pattern;
            }

            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["description"] = description, ["schema"] = schema, ["example"] = example });
        }

        foreach (var query in queries)
        {
            var parameter = new JsonObject { ["name"] = query.Name, ["in"] = "query", ["required"] = query.Required, ["description"] = query.Description, ["schema"] = QuerySchema(query.Type) };
            if (query.Example is { } example)
            {
                parameter["example"] = query.Type == typeof(int) ? int.Parse(example, System.Globalization.CultureInfo.InvariantCulture)
                    : query.Type == typeof(bool) ? bool.Parse(example)
                    : example;
            }

            parameters.Add(parameter);
        }

        var result = new JsonObject
        {
            ["operationId"] = function.Name,
            ["tags"] = new JsonArray(operation.Tag),
            ["summary"] = operation.Summary,
        };
        if (parameters.Count > 0)
        {
            result["parameters"] = parameters;
        }

        if (request is not null)
        {
            var media = new JsonObject { ["schema"] = schemas.Ref(request.Type) };
            if (request.Example is not null)
            {
                media["example"] = JsonNode.Parse(request.Example);
            }

            if (request.ContentType == MultipartFormData)
            {
                // Each file is its own part; the parts' media types are what the return's files are.
                media["encoding"] = new JsonObject { ["file"] = new JsonObject { ["contentType"] = "text/csv, application/xml, text/xml, application/octet-stream" } };
            }

            result["requestBody"] = new JsonObject { ["required"] = request.Required, ["content"] = new JsonObject { [request.ContentType] = media } };
        }

        result["responses"] = Responses(method, operation, parameters.Count > 0, request is not null, schemas);
        result["security"] = operation.Auth switch
        {
            ApiAuth.None => new JsonArray(),
            ApiAuth.FeedKey => new JsonArray(new JsonObject { [HeaderScheme] = new JsonArray() }, new JsonObject { [QueryScheme] = new JsonArray() }),
            _ => new JsonArray(new JsonObject { [HeaderScheme] = new JsonArray() }),
        };
        if (operation.Auth == ApiAuth.OperatorKey)
        {
            result["description"] = "Operator key only.";
        }

        // Which key the operation takes, for clients and for the contract test that calls every operation.
        result["x-scheduler-key"] = operation.Auth switch
        {
            ApiAuth.OperatorKey => "operator",
            ApiAuth.FeedKey => "feed",
            ApiAuth.None => "none",
            _ => "authority",
        };

        return result;
    }

    private static JsonObject Responses(MethodInfo method, ApiOperationAttribute operation, bool hasParameters, bool hasBody, ApiSchemas schemas)
    {
        var declared = method.GetCustomAttributes<ApiResponseAttribute>().ToDictionary(r => r.Status);
        var statuses = new SortedSet<int>(declared.Keys);
        if (operation.Auth != ApiAuth.None)
        {
            statuses.UnionWith([401, 403, 500]);
            if (hasParameters || hasBody)
            {
                statuses.Add(400);
            }

            if (hasBody)
            {
                statuses.UnionWith([413, 415]);
            }
        }

        var responses = new JsonObject();
        foreach (var status in statuses)
        {
            var attribute = declared.GetValueOrDefault(status);
            var description = attribute?.Description ?? StandardDescriptions[status];
            var response = new JsonObject { ["description"] = description };
            if (status >= 400 && attribute is { ContentType: var pageType } && pageType.StartsWith("text/html", StringComparison.Ordinal))
            {
                // The action page's refusals are pages for people, not problems.
                response["content"] = new JsonObject { ["text/html"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } };
            }
            else if (status >= 400)
            {
                response["content"] = new JsonObject { [ApiResults.ProblemType] = new JsonObject { ["schema"] = schemas.Ref(typeof(ProblemDocument)) } };
            }
            else if (attribute?.Type is { } type)
            {
                var media = new JsonObject
                {
                    ["schema"] = type == typeof(string) ? new JsonObject { ["type"] = "string" }
                        : type == typeof(object) ? new JsonObject { ["type"] = "object" }
                        : schemas.Ref(type, attribute.Json),
                };
                if (attribute.Example is { } example)
                {
                    media["example"] = attribute.ContentType.StartsWith("application/json", StringComparison.Ordinal) ? JsonNode.Parse(example) : example;
                }

                response["content"] = new JsonObject { [attribute.ContentType.Split(';')[0].Trim()] = media };
            }

            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = response;
        }

        return responses;
    }

    private static JsonObject QuerySchema(Type type) => type switch
    {
        _ when type == typeof(int) => new JsonObject { ["type"] = "integer" },
        _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
        _ => new JsonObject { ["type"] = "string" },
    };

    // Sorted by name, so the document is the same bytes whatever order the operations met their types in.
    private static JsonObject Schemas(ApiSchemas schemas)
    {
        var sorted = new JsonObject();
        foreach (var (name, schema) in schemas.Components.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
        {
            schemas.Components.Remove(name);
            sorted[name] = schema;
        }

        return sorted;
    }

    private static string TagDescription(string tag) => tag switch
    {
        "Authorities" => "Councils: their profile, alert contacts, local parameters and API keys (operator), and purge.",
        "Episodes" => "Oversight episodes: an inspection report's statutory calendar (action planning visit, written statement of action, monitoring visits, …).",
        "Cases" => "Children's cases by council case reference: child protection and looked-after due dates.",
        "Work" => "What is due and overdue, the calendar feed, and alert acknowledgements.",
        "Operations" => "The daily sweep and the local outbox (operator).",
        "Meta" => "Liveness and this document.",
        _ => $"{tag} operations.",
    };

    private const string Description = """
        Keys: send `X-Api-Key` with an authority key (one authority) or the operator key; the calendar feed also takes
        the key as `?key=`. Keys are listed, labelled, given a last day and revoked by the operator (`…/keys`); a
        revoked or expired key gets 401 at once. Errors are RFC 7807 `application/problem+json`; bad input names the
        field (`field`, `reason`, `errors`). Paths that match no operation answer a 404 problem, and a path asked
        with a method it does not take a 405 problem with `Allow`. JSON names are snake_case, dates `yyyy-MM-dd`,
        instants ISO 8601 UTC, role codes upper-case (PO, DCS, CEX, IBC, DFE, COM, OFS, IRO, CPC, TM, HOS, SCR).
        """;

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex RouteParameter();
}
