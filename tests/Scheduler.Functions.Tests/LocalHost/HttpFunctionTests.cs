using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using NodaTime;
using Scheduler.Application;
using Scheduler.Application.Ports;
using Scheduler.Domain.Alerts;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>
/// The local host and the Functions host run the same functions: each one is declared once (its attributes), the
/// generated functions.metadata says the same, and the local host serves exactly the HTTP functions' routes.
/// The custom handler's invocation paths (<c>POST /CaseEvents</c>, <c>/DailySweep</c>, <c>/AlertDispatch</c>) are gone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class HttpFunctionTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Day = new(2017, 12, 12);

    [Fact]
    public void Functions_metadata_declares_exactly_the_catalogues_functions_with_the_same_triggers()
    {
        var metadata = FunctionMetadata.Functions;
        Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(StringComparer.Ordinal), metadata.Select(FunctionMetadata.Name).Order(StringComparer.Ordinal));

        foreach (var declared in metadata)
        {
            var entry = FunctionCatalog.All.Single(f => f.Name == FunctionMetadata.Name(declared));
            var trigger = FunctionMetadata.Trigger(declared);
            Assert.Equal("Scheduler.Functions.dll", declared["scriptFile"]!.GetValue<string>());
            Assert.Equal($"{entry.Method.DeclaringType!.FullName}.{entry.Method.Name}", declared["entryPoint"]!.GetValue<string>());
            Assert.Equal(entry.TriggerParameter.Name, trigger["name"]!.GetValue<string>());
            switch (entry.Trigger)
            {
                case HttpTriggerAttribute http:
                    Assert.Equal("httpTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(http.Route, trigger["route"]!.GetValue<string>());
                    Assert.Equal(
                        http.Methods!.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal),
                        trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order(StringComparer.Ordinal));
                    Assert.Equal("Anonymous", trigger["authLevel"]!.GetValue<string>());
                    break;
                case QueueTriggerAttribute queue:
                    Assert.Equal("queueTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(queue.QueueName, trigger["queueName"]!.GetValue<string>());
                    break;
                case TimerTriggerAttribute timer:
                    Assert.Equal("timerTrigger", trigger["type"]!.GetValue<string>());
                    Assert.Equal(timer.Schedule, trigger["schedule"]!.GetValue<string>());
                    break;
                default:
                    Assert.Fail($"{entry.Name} has a trigger the local host does not run: {entry.Trigger.GetType().Name}");
                    break;
            }
        }

        // What the app's contract fixes, written out here independently of the code.
        var triggers = metadata.ToDictionary(FunctionMetadata.Name, FunctionMetadata.Trigger);
        Assert.Equal(QueueNames.CaseEvents, triggers["CaseEvents"]["queueName"]!.GetValue<string>());
        Assert.Equal("case-events", QueueNames.CaseEvents);
        Assert.Equal("alert-dispatch", triggers["AlertDispatch"]["queueName"]!.GetValue<string>());
        Assert.Equal("%Scheduler__Sweep__Schedule%", triggers["DailySweep"]["schedule"]!.GetValue<string>());
        Assert.Equal("%Scheduler__Sweep__RecoverySchedule%", triggers["SweepRecovery"]["schedule"]!.GetValue<string>());
        Assert.Equal("health", triggers["Health"]["route"]!.GetValue<string>());
        Assert.Equal(4, metadata.Count(f => FunctionMetadata.Trigger(f)["type"]!.GetValue<string>() != "httpTrigger"));
    }

    [Fact]
    public async Task The_local_host_maps_every_http_function_at_its_route_and_methods_and_nothing_else()
    {
        await using var app = await TestApp.StartAsync(azurite, Day);
        var endpoints = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Route: e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var http = FunctionMetadata.Functions.Select(FunctionMetadata.Trigger).Where(t => t["type"]!.GetValue<string>() == "httpTrigger")
            .Select(t => (Route: t["route"]!.GetValue<string>(), Methods: t["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()).Order(StringComparer.Ordinal).ToList()))
            .ToList();

        Assert.Equal(http.Count, endpoints.Count);
        foreach (var (route, methods) in http)
        {
            Assert.Contains(endpoints, e => e.Route == route && e.Methods.SequenceEqual(methods));
        }
    }

    [Fact]
    public async Task Every_http_route_reaches_its_function()
    {
        await using var app = await TestApp.StartAsync(azurite, Day);
        using var anonymous = app.Client();
        foreach (var function in FunctionMetadata.Functions.Where(f => FunctionMetadata.Trigger(f)["type"]!.GetValue<string>() == "httpTrigger"))
        {
            var trigger = FunctionMetadata.Trigger(function);
            var path = "/" + RouteParameter().Replace(trigger["route"]!.GetValue<string>(), m => m.Groups[1].Value switch
            {
                "code" => "la-routes",
                "id" => "sif-2017-20170904",
                "caseRef" => "CP-1",
                _ => "x",
            });
            foreach (var method in trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>().ToUpperInvariant()))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT")
                {
                    request.Content = TestApp.Raw("{}");
                }

                using var response = await anonymous.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var name = FunctionMetadata.Name(function);
                if (trigger["route"]!.GetValue<string>().StartsWith("{*", StringComparison.Ordinal))
                {
                    // The catch-all: it answers what no other function serves, with a 404 problem.
                    Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {method} {path} -> {(int)response.StatusCode} {body}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
                else if (path.StartsWith("/a/", StringComparison.Ordinal))
                {
                    // An action page: "x" is no signed link (403 page); a JSON body is no form (415 page).
                    Assert.True(response.StatusCode == (method == "GET" ? HttpStatusCode.Forbidden : HttpStatusCode.UnsupportedMediaType), $"{name}: {method} {path} -> {(int)response.StatusCode} {body}");
                    Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                }
                else if (path.StartsWith("/api/", StringComparison.Ordinal))
                {
                    // The function answered: every API function wants a key, and says so as a problem.
                    Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {method} {path} -> {(int)response.StatusCode} {body}");
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: {method} {path} -> {(int)response.StatusCode} {body}");
                    Assert.False(string.IsNullOrWhiteSpace(body), name);
                }
            }
        }
    }

    [Theory]
    [InlineData("/CaseEvents")]
    [InlineData("/DailySweep")]
    [InlineData("/AlertDispatch")]
    public async Task The_custom_handlers_invocation_paths_are_not_served_and_write_nothing(string path)
    {
        foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) }))
        {
            await azurite.EmptyQueueAsync(queue);
        }

        await using var app = await TestApp.StartAsync(azurite, Day);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-H", TestApp.Json(new
        {
            type = "CP",
            events = new[] { new { type = "strategy_discussion", date = "2017-11-20" } },
        })), HttpStatusCode.Created);

        // What the custom handler's port accepted: an event envelope, a timer invocation, a digest.
        var envelope = $$$"""{"eventId":"ev-h-1","authority":"{{{code}}}","subject":{"kind":"case","id":"CP-H"},"event":{"type":"icpc_held","date":"2017-12-01"}}""";
        var invocation = $$$"""{"Data":{"message":{{{System.Text.Json.JsonSerializer.Serialize(envelope)}}},"timer":{"IsPastDue":false}},"Metadata":{"DeliveryCount":1,"MessageId":"m-1"}}""";
        foreach (var body in new[] { envelope, invocation })
        {
            foreach (var key in new[] { null, TestApp.OperatorKey })
            {
                using var caller = app.Client(key);
                var response = await caller.PostAsync(path, TestApp.Raw(body));
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("ev-h-1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Single((await app.Service<ISubjectStore>().GetAsync(SubjectKind.Case, code, "CP-H", default))!.Events);
        Assert.Null((await app.Service<ISweepStateStore>().GetAsync(default)).ETag);
        await foreach (var _ in app.Service<IAlertLedger>().ListAsync(code, default))
        {
            Assert.Fail("an alert was recorded");
        }

        foreach (var queue in QueueNames.All.SelectMany(q => new[] { q, QueueNames.Poison(q) }))
        {
            Assert.Equal(0, await azurite.CreateQueueClient(queue).CountAsync());
        }

        Assert.Empty(await app.Service<IOutbox>().ListAsync(default));
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteParameter();
}
