using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scheduler.Functions.Authorities;
using Scheduler.Functions.Cases;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The HTTP function classes called as the isolated worker calls them, without the local host's routing: an
/// instance built from the app's services, a <see cref="DefaultHttpContext"/> request, the route values as
/// arguments, and the returned <see cref="IActionResult"/> executed into the response.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DirectInvocationTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2018, 1, 2);

    /// <summary>A request as the worker's ASP.NET Core integration hands it over.</summary>
    private static HttpRequest Request(TestApp app, string method, string path, IReadOnlyDictionary<string, string> route, string? key, string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("scheduler.example");
        context.Request.Path = path;
        foreach (var (name, value) in route)
        {
            context.Request.RouteValues[name] = value;
        }

        if (key is not null)
        {
            context.Request.Headers["X-Api-Key"] = key;
        }

        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = bytes.Length;
            context.Request.ContentType = "application/json";
        }

        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>Executes the function's result into its response, as the worker does, and reads the response back.</summary>
    private static async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> WriteAsync(HttpRequest request, IActionResult result)
    {
        var context = request.HttpContext;
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        using var reader = new StreamReader(context.Response.Body);
        var text = await reader.ReadToEndAsync();
        return ((HttpStatusCode)context.Response.StatusCode, context.Response.ContentType, JsonNode.Parse(text)!.AsObject());
    }

    private static T Function<T>(TestApp app) => ActivatorUtilities.CreateInstance<T>(app.Services);

    [Fact]
    public async Task GetAuthority_answers_200_with_its_key_and_401_without()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        var route = new Dictionary<string, string> { ["code"] = code };

        var request = Request(app, "GET", $"/api/authorities/{code}", route, key);
        var (status, type, body) = await WriteAsync(request, await Function<GetAuthority>(app).RunAsync(request, code));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("application/json", type, StringComparison.Ordinal);
        Assert.Equal(code, body["code"]!.GetValue<string>());
        Assert.Equal($"po@{code}.example", body["contacts"]!["PO"]![0]!.GetValue<string>());

        var anonymous = Request(app, "GET", $"/api/authorities/{code}", route, key: null);
        var refused = await WriteAsync(anonymous, await Function<GetAuthority>(app).RunAsync(anonymous, code));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal(401, refused.Body["status"]!.GetValue<int>());
        Assert.Equal($"/api/authorities/{code}", refused.Body["instance"]!.GetValue<string>());
    }

    [Fact]
    public async Task RecordCaseEvent_answers_201_then_200_for_the_same_event_id()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        var route = new Dictionary<string, string> { ["code"] = code, ["caseRef"] = "CP-D1" };

        var create = Request(app, "POST", $"/api/authorities/{code}/cases/CP-D1", route, key, "{\"type\":\"CP\"}");
        var created = await WriteAsync(create, await Function<CreateCase>(app).RunAsync(create, code, "CP-D1"));
        Assert.Equal(HttpStatusCode.Created, created.Status);

        const string Event = "{\"id\":\"evt-d1\",\"type\":\"strategy_discussion\",\"date\":\"2017-12-13\"}";
        var first = Request(app, "POST", $"/api/authorities/{code}/cases/CP-D1/events", route, key, Event);
        var recorded = await WriteAsync(first, await Function<RecordCaseEvent>(app).RunAsync(first, code, "CP-D1"));
        Assert.Equal(HttpStatusCode.Created, recorded.Status);
        Assert.Equal(2, recorded.Body["version"]!.GetValue<long>());
        // 13 Dec 2017 + 15 working days, over Christmas and New Year's Day: Mon 8 Jan 2018.
        Assert.Equal("2018-01-08", recorded.Body["milestones"]!.AsArray().Single(m => m!["rule"]!.GetValue<string>() == "icpc_15wd")!["due"]!.GetValue<string>());

        var again = Request(app, "POST", $"/api/authorities/{code}/cases/CP-D1/events", route, key, Event);
        var replayed = await WriteAsync(again, await Function<RecordCaseEvent>(app).RunAsync(again, code, "CP-D1"));
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Equal(2, replayed.Body["version"]!.GetValue<long>());
        Assert.Single(replayed.Body["events"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        var route = new Dictionary<string, string> { ["code"] = code, ["caseRef"] = "CP-D2" };

        var named = Request(app, "POST", $"/api/authorities/{code}/cases/CP-D2", route, key, "{\"type\":\"CP\",\"name\":\"A Child\"}");
        var refused = await WriteAsync(named, await Function<CreateCase>(app).RunAsync(named, code, "CP-D2"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("application/problem+json", refused.ContentType);
        Assert.Equal("name", refused.Body["field"]!.GetValue<string>());
        Assert.Equal("name", refused.Body["errors"]![0]!["field"]!.GetValue<string>());
        Assert.DoesNotContain("A Child", refused.Body.ToJsonString(), StringComparison.Ordinal);

        var oversized = Request(app, "POST", $"/api/authorities/{code}/cases/CP-D2", route, key, "{\"type\":\"CP\",\"pad\":\"" + new string('x', 70 * 1024) + "\"}");
        var tooLarge = await WriteAsync(oversized, await Function<CreateCase>(app).RunAsync(oversized, code, "CP-D2"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
        Assert.Equal("$", tooLarge.Body["field"]!.GetValue<string>());
        Assert.Equal("The request body exceeds 65536 bytes.", tooLarge.Body["detail"]!.GetValue<string>()); // 64 KiB (docs/api.md)

        var read = Request(app, "GET", $"/api/authorities/{code}/cases/CP-D2", route, key);
        var missing = await WriteAsync(read, await Function<GetCase>(app).RunAsync(read, code, "CP-D2"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("application/problem+json", missing.ContentType);
    }
}
