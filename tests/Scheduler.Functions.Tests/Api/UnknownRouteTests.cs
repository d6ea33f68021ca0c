using System.Net;
using NodaTime;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>Unknown routes answer a 404 problem and known routes with another method a 405 problem with <c>Allow</c> (docs/api.md, Conventions).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnknownRouteTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("GET", "/nothing-here")]
    [InlineData("GET", "/api/authorities/croydon/children")]
    [InlineData("POST", "/api/authorities/croydon/episodes/sif-2017-20170904/calendar/extra")]
    [InlineData("DELETE", "/")]
    public async Task Unknown_routes_are_a_404_problem(string method, string path)
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        using var client = app.Client(TestApp.OperatorKey);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(404, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("DELETE", "/api/authorities/croydon/episodes", "GET, POST")]
    [InlineData("PATCH", "/api/authorities/croydon/cases/CP-DEMO-001", "GET, POST, PUT")]
    [InlineData("POST", "/health", "GET")]
    [InlineData("PUT", "/api/authorities/croydon/keys", "GET, POST")]
    [InlineData("GET", "/api/ops/sweep", "POST")]
    public async Task Known_routes_with_another_method_are_a_405_problem_with_allow(string method, string path, string allow)
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        using var client = app.Client(TestApp.OperatorKey);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(allow, string.Join(", ", response.Content.Headers.Allow.Concat(response.Headers.TryGetValues("Allow", out var a) ? a : []).Distinct()));
    }

    [Fact]
    public void The_catch_all_function_sorts_after_every_other_http_function()
    {
        // The Functions host tries function routes in the order of their function names, not by route precedence
        // (Azure/azure-functions-host#9876), so the catch-all must come last by name, whichever way names are compared.
        var names = FunctionCatalog.All.Where(f => f.Trigger is Microsoft.Azure.Functions.Worker.HttpTriggerAttribute).Select(f => f.Name).ToList();
        Assert.Contains(UnmatchedRoute.FunctionName, names);
        foreach (var comparer in new StringComparer[] { StringComparer.Ordinal, StringComparer.OrdinalIgnoreCase, StringComparer.InvariantCulture, StringComparer.InvariantCultureIgnoreCase })
        {
            Assert.Equal(UnmatchedRoute.FunctionName, names.Order(comparer).Last());
        }
    }
}
