using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Functions.Host;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// Every functions/*/function.json has a handler, and every handler the app exposes has a function.json
/// (in Azure a route without one is unreachable). Reads the app's own endpoints, so it follows the API as it grows.
/// </summary>
public sealed class FunctionJsonCoverageTests : IDisposable
{
    /// <summary>
    /// HTTP functions whose function.json exists ahead of their endpoints. Remove a name as soon as any endpoint
    /// under its route is mapped (the test fails while a listed function has endpoints, so the list cannot go stale).
    /// </summary>
    private static readonly HashSet<string> AwaitingHandlers = new(StringComparer.Ordinal)
    {
    };

    private readonly HandlerAppFactory _app = new();
    private readonly IReadOnlyList<FunctionDefinition> _functions = FunctionJsonCatalog.Load(RepoPaths.FunctionsDirectory);
    private readonly IReadOnlyList<RouteEndpoint> _endpoints;
    private readonly IReadOnlyCollection<string> _registered;

    public FunctionJsonCoverageTests()
    {
        using var client = _app.CreateClient(); // starts the app so every endpoint is mapped
        _endpoints = [.. _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
        using var scope = _app.Services.CreateScope();
        _registered = [.. scope.ServiceProvider.GetRequiredService<FunctionRegistry>().Names];
    }

    public void Dispose() => _app.Dispose();

    [Fact]
    public void The_contract_functions_all_have_a_function_json()
    {
        string[] contract = ["Authorities", "AuthorityKeys", "Episodes", "Cases", "Worklist", "CalendarFeed", "Alerts", "Operations", "OpenApi", "Health", "DailySweep", "CaseEvents", "AlertDispatch"];

        Assert.Equal(contract.Order(StringComparer.Ordinal), _functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_non_http_function_json_has_a_registered_handler_and_invocation_route()
    {
        foreach (var function in _functions.Where(f => !f.IsHttp))
        {
            Assert.True(_registered.Contains(function.Name, StringComparer.Ordinal), $"{function.Name}: function.json has no registered IFunctionHandler.");
            Assert.True(
                _endpoints.Any(e => e.Metadata.GetMetadata<FunctionInvocationMetadata>()?.FunctionName == function.Name
                    && Methods(e)?.Contains("POST") == true
                    && string.Equals(e.RoutePattern.RawText?.Trim('/'), function.Name, StringComparison.Ordinal)),
                $"{function.Name}: no POST /{function.Name} invocation endpoint is mapped.");
        }
    }

    [Fact]
    public void Every_registered_handler_has_a_non_http_function_json()
    {
        foreach (var name in _registered)
        {
            var function = _functions.SingleOrDefault(f => f.Name == name);
            Assert.True(function is not null, $"Handler '{name}' has no functions/{name}/function.json.");
            Assert.False(function.IsHttp, $"Handler '{name}' is registered for invocations but its function.json is an httpTrigger.");
        }
    }

    [Fact]
    public void Every_http_function_json_is_served_for_each_of_its_methods()
    {
        foreach (var function in _functions.Where(f => f.IsHttp))
        {
            var trigger = function.Trigger;
            var route = trigger.GetString("route") ?? function.Name;
            var served = ServingEndpoints(route).ToList();
            if (AwaitingHandlers.Contains(function.Name))
            {
                Assert.True(served.Count == 0,
                    $"{function.Name} is listed in AwaitingHandlers but '{route}' is now served by {string.Join(", ", served.Select(e => e.RoutePattern.RawText))}: remove it from the list.");
                continue;
            }

            Assert.True(served.Count > 0, $"{function.Name}: no endpoint serves route '{route}'.");
            foreach (var method in trigger.Methods)
            {
                Assert.True(served.Any(e => Methods(e) is not { } m || m.Contains(method.ToUpperInvariant())),
                    $"{function.Name}: route '{route}' declares {method.ToUpperInvariant()} but no endpoint under it handles that method.");
            }
        }
    }

    [Fact]
    public void Every_mapped_http_endpoint_is_reachable_through_a_function_json_with_its_methods()
    {
        var httpFunctions = _functions.Where(f => f.IsHttp).ToList();
        foreach (var endpoint in _endpoints.Where(e => e.Metadata.GetMetadata<FunctionInvocationMetadata>() is null))
        {
            var reachable = httpFunctions.Any(f =>
                Serves(endpoint, f.Trigger.GetString("route") ?? f.Name)
                && (f.Trigger.Methods.Count == 0
                    || (Methods(endpoint) is { } m && m.All(x => f.Trigger.Methods.Contains(x.ToLowerInvariant())))));
            Assert.True(reachable,
                $"Endpoint {string.Join("|", Methods(endpoint) ?? ["*"])} /{endpoint.RoutePattern.RawText?.TrimStart('/')} has no function.json whose route and methods cover it, so the Functions host would never forward it.");
        }
    }

    [Theory]
    [InlineData("api/authorities/{code?}", "api/authorities", true)]
    [InlineData("api/authorities/{code?}", "api/authorities/{code}", true)]
    [InlineData("api/authorities/{code?}", "api/authorities/{code}/worklist", false)]
    [InlineData("api/authorities/{code}/episodes/{*rest}", "api/authorities/{code}/episodes", true)]
    [InlineData("api/authorities/{code}/episodes/{*rest}", "api/authorities/{code:alpha}/episodes/{id:guid}/events", true)]
    [InlineData("api/authorities/{code}/episodes/{*rest}", "api/authorities/{code}/cases/{id}", false)]
    [InlineData("api/authorities/{code}/worklist", "api/authorities/{code}", false)]
    [InlineData("api/ops/{*rest}", "api/ops/{*rest}", true)]
    [InlineData("api/authorities/{code}", "api/authorities/{code}/{*rest}", false)]
    [InlineData("openapi/v1.json", "openapi/{documentName}.json", true)]
    [InlineData("health", "health", true)]
    [InlineData("health", "healthz", false)]
    public void Route_coverage_rules(string functionRoute, string endpointRoute, bool expected) =>
        Assert.Equal(expected, Serves(RoutePatternFactory.Parse(endpointRoute), functionRoute));

    private IEnumerable<RouteEndpoint> ServingEndpoints(string functionRoute) =>
        _endpoints.Where(e => e.Metadata.GetMetadata<FunctionInvocationMetadata>() is null && Serves(e, functionRoute));

    private static bool Serves(RouteEndpoint endpoint, string functionRoute) => Serves(endpoint.RoutePattern, functionRoute);

    /// <summary>
    /// True when the host, routing by <paramref name="functionRoute"/>, forwards requests that reach
    /// <paramref name="endpoint"/>: the function template covers the endpoint pattern segment by segment, or the
    /// function route is a concrete path the endpoint matches (e.g. <c>openapi/v1.json</c>).
    /// </summary>
    private static bool Serves(RoutePattern endpoint, string functionRoute)
    {
        var function = RoutePatternFactory.Parse(functionRoute);
        if (function.Parameters.Count == 0)
        {
            var matcher = new TemplateMatcher(new RouteTemplate(endpoint), new RouteValueDictionary());
            return matcher.TryMatch(new PathString("/" + functionRoute), new RouteValueDictionary());
        }

        return Covers(function.PathSegments, endpoint.PathSegments);
    }

    private static bool Covers(IReadOnlyList<RoutePatternPathSegment> function, IReadOnlyList<RoutePatternPathSegment> endpoint)
    {
        var j = 0;
        foreach (var segment in function)
        {
            if (segment.IsSimple && segment.Parts[0] is RoutePatternParameterPart parameter)
            {
                if (parameter.IsCatchAll)
                {
                    return true;
                }

                if (j == endpoint.Count)
                {
                    return parameter.IsOptional;
                }

                if (AsParameter(endpoint[j]) is { } ep && (ep.IsCatchAll || (ep.IsOptional && !parameter.IsOptional)))
                {
                    return false;
                }

                j++;
                continue;
            }

            if (j == endpoint.Count || AsParameter(endpoint[j]) is not null || !SameLiteral(segment, endpoint[j]))
            {
                return false;
            }

            j++;
        }

        return j == endpoint.Count;
    }

    private static RoutePatternParameterPart? AsParameter(RoutePatternPathSegment segment) =>
        segment.IsSimple ? segment.Parts[0] as RoutePatternParameterPart : null;

    private static bool SameLiteral(RoutePatternPathSegment a, RoutePatternPathSegment b) =>
        a.IsSimple && b.IsSimple
        && a.Parts[0] is RoutePatternLiteralPart x && b.Parts[0] is RoutePatternLiteralPart y
        && string.Equals(x.Content, y.Content, StringComparison.OrdinalIgnoreCase);

    private static IReadOnlyList<string>? Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : null;
}
