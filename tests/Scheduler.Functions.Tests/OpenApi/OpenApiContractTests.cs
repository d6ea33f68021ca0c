using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Application.Demo;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.OpenApi;

/// <summary>
/// Every operation the served document lists is called on the seeded Croydon demo, with valid input (the
/// document's own examples), bad input, no key, a wrong key and another authority's key: each answer's status is
/// one the document lists for that operation, refusals are problems, the top-level fields of JSON answers are the
/// ones the schema names, and every role code in every JSON answer is spelt as documented.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task Every_documented_operation_answers_only_documented_codes()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12), new Dictionary<string, string?> { ["Scheduler:SeedDemo"] = "true" });
        using var anonymous = app.Client();
        await WaitForSeedAsync(anonymous);
        var document = await TestApp.ReadAsync(await anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        var otherKey = await app.CreateAuthorityAsync("bromley");
        using var op = app.Operator();
        var spare = await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{DemoSeeder.Authority}/keys", TestApp.Json(new { label = "to revoke" })), HttpStatusCode.Created);

        var operations = document["paths"]!.AsObject()
            .SelectMany(p => Methods.Where(m => p.Value![m] is not null).Select(m => (Path: p.Key, Method: m, Operation: p.Value![m]!.AsObject())))
            .OrderBy(o => o.Operation["operationId"]!.GetValue<string>() == "PurgeAuthority" ? 2 : o.Method == "delete" ? 1 : 0)
            .ToList();
        Assert.True(operations.Count >= 25, $"only {operations.Count} operations documented");
        var calls = 0;
        var roleCodes = 0;
        foreach (var (path, method, operation) in operations)
        {
            var id = operation["operationId"]!.GetValue<string>();
            var documented = operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            var keyKind = operation["x-scheduler-key"]!.GetValue<string>();
            var validKey = keyKind switch { "operator" => TestApp.OperatorKey, "none" => null, _ => DemoSeeder.DemoKey };
            var body = operation["requestBody"]?["content"]?["application/json"]?["example"]?.ToJsonString();
            var valid = Fill(path, operation, spare["key_id"]!.GetValue<string>(), invalid: null);

            var attempts = new List<(string What, HttpRequestMessage Request)>
            {
                ("valid", Request(method, valid + Query(operation, bad: false), validKey, body)),
            };
            if (keyKind == "feed")
            {
                attempts.Add(("valid ?key=", Request(method, valid + Query(operation, bad: false, extra: "key=" + DemoSeeder.DemoKey), null, body)));
            }

            if (keyKind != "none")
            {
                attempts.Add(("no key", Request(method, valid, null, body)));
                attempts.Add(("wrong key", Request(method, valid, "sk_croydon_not_a_key", body)));
                attempts.Add(("another authority's key", Request(method, valid, otherKey, body)));
                attempts.Add(("bad query", Request(method, valid + Query(operation, bad: true), validKey, body)));
                foreach (var parameter in PathParameters(operation))
                {
                    attempts.Add(($"bad {parameter}", Request(method, Fill(path, operation, spare["key_id"]!.GetValue<string>(), invalid: parameter), validKey, body)));
                }

                if (body is not null)
                {
                    attempts.Add(("unknown field", Request(method, valid, validKey, """{"unknown_field":1}""")));
                    attempts.Add(("malformed JSON", Request(method, valid, validKey, "{\"name\":")));
                    attempts.Add(("empty object", Request(method, valid, validKey, "{}")));
                    attempts.Add(("too large", Request(method, valid, validKey, "{\"name\":\"" + new string('x', 70 * 1024) + "\"}")));
                }
            }

            foreach (var (what, request) in attempts)
            {
                using var response = await anonymous.SendAsync(request);
                calls++;
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                output.WriteLine($"{id} {what}: {status}");
                Assert.True(documented.Contains(status), $"{method.ToUpperInvariant()} {path} ({id}, {what}) answered {status}, documented {string.Join(", ", documented.Order())}: {text[..Math.Min(300, text.Length)]}");
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 400)
                {
                    // Problems, except where the document says otherwise (the action page's refusals are HTML pages).
                    var documentedType = operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]?.AsObject().Select(c => c.Key).SingleOrDefault();
                    Assert.Equal(documentedType ?? "application/problem+json", mediaType);
                    continue;
                }

                if (mediaType == "application/json" && text.Length > 0)
                {
                    var answer = JsonNode.Parse(text);
                    AssertFieldsMatchSchema(document, operation["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]?["application/json"]?["schema"], answer, $"{id} {what}");
                    roleCodes += RoleCodes.AssertUpperCase(answer, $"{id} {what}");
                }
            }
        }

        output.WriteLine($"{operations.Count} operations, {calls} calls, {roleCodes} role codes seen");
        Assert.True(roleCodes > 20, $"only {roleCodes} role codes seen across every answer");
    }

    [Fact]
    public void Every_http_function_but_the_catch_all_declares_an_operation_and_its_answers()
    {
        foreach (var function in FunctionCatalog.All.Where(f => f.Trigger is Microsoft.Azure.Functions.Worker.HttpTriggerAttribute))
        {
            if (function.Name == UnmatchedRoute.FunctionName)
            {
                continue;
            }

            Assert.True(function.Method.GetCustomAttributes(typeof(Http.ApiOperationAttribute), false).Length == 1, $"{function.Name} has no [ApiOperation]");
            Assert.True(function.Method.GetCustomAttributes(typeof(Http.ApiResponseAttribute), false).Length > 0, $"{function.Name} has no [ApiResponse]");
        }
    }

    [Fact]
    public void The_documented_event_is_the_shape_the_parser_accepts()
    {
        var document = OpenApiDocument.Build();
        var documented = document["components"]!["schemas"]!["EventRequest"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        // What the parser accepts for some event type: id, type, and every type's own fields (EventFields, the one table).
        var accepted = new[] { "id", "type" }
            .Concat(Scheduler.Domain.Events.EventFields.Types.SelectMany(t => Scheduler.Domain.Events.EventFields.For(t).Select(f => f.Name)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        Assert.Equal(accepted, documented);
    }

    private static async Task WaitForSeedAsync(HttpClient client)
    {
        for (var i = 0; i < 150; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/authorities/croydon/cases/LAC-DEMO-002");
            request.Headers.Add("X-Api-Key", DemoSeeder.DemoKey);
            if ((await client.SendAsync(request)).StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail("The demo seed did not finish.");
    }

    private static IEnumerable<string> PathParameters(JsonObject operation) =>
        (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>());

    private static string Fill(string path, JsonObject operation, string spareKeyId, string? invalid)
    {
        var filled = path;
        foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "path"))
        {
            var name = parameter!["name"]!.GetValue<string>();
            var value = name == invalid ? "Not Valid, Jane Doe" : name == "keyId" ? spareKeyId : parameter["example"]!.ToString();
            filled = filled.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return filled;
    }

    private static string Query(JsonObject operation, bool bad, string? extra = null)
    {
        var parts = new List<string>();
        foreach (var parameter in (operation["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query"))
        {
            var value = bad ? "not valid!" : parameter!["example"]?.ToString();
            if (value is not null)
            {
                parts.Add(parameter!["name"]!.GetValue<string>() + "=" + Uri.EscapeDataString(value));
            }
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static HttpRequestMessage Request(string method, string url, string? key, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return request;
    }

    // The answer's fields are the schema's properties (every required one present, none undocumented), recursively
    // through objects and arrays whose schemas name their properties.
    private static void AssertFieldsMatchSchema(JsonObject document, JsonNode? schema, JsonNode? answer, string where)
    {
        schema = Resolve(document, schema);
        if (schema is null || answer is null)
        {
            return;
        }

        if (answer is JsonObject o && schema["properties"] is JsonObject properties)
        {
            var undocumented = o.Select(p => p.Key).Where(k => !properties.ContainsKey(k)).ToList();
            Assert.True(undocumented.Count == 0, $"{where}: fields not in the schema: {string.Join(", ", undocumented)}");
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                Assert.True(o.ContainsKey(required), $"{where}: required field '{required}' missing");
            }

            foreach (var (name, value) in o)
            {
                AssertFieldsMatchSchema(document, properties[name], value, $"{where}.{name}");
            }
        }
        else if (answer is JsonArray a && schema["items"] is { } items)
        {
            foreach (var item in a)
            {
                AssertFieldsMatchSchema(document, items, item, $"{where}[]");
            }
        }
    }

    private static JsonNode? Resolve(JsonObject document, JsonNode? schema)
    {
        if (schema?["anyOf"] is JsonArray anyOf)
        {
            schema = anyOf.FirstOrDefault(s => s?["$ref"] is not null) ?? schema;
        }

        return schema?["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]
            : schema;
    }
}
