namespace Scheduler.Functions.Meta;

/// <summary>
/// Every request no other function takes: a 404 problem for an unknown path, a 405 problem with <c>Allow</c> for a
/// known path asked with another method. No key is needed: which routes exist is public (the OpenAPI document).
/// </summary>
/// <remarks>
/// The Functions host tries routes in the order of their functions' names, not by route precedence
/// (Azure/azure-functions-host#9876), so this function's name sorts after every other; ASP.NET Core routing (the
/// local host) orders the catch-all after specific routes by itself. A test checks the name stays last.
/// </remarks>
public sealed class UnmatchedRoute
{
    /// <summary>The function's name: "Zzz" so it sorts last however names are compared.</summary>
    public const string FunctionName = "ZzzUnmatchedRoute";

    /// <summary>The function.</summary>
    [Function(FunctionName)]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "delete", "patch", "head", "options", Route = Routes.Unmatched)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var allowed = RouteTemplates.MethodsFor(request.Path);
        if (allowed.Count == 0)
        {
            return ApiResults.Problem(StatusCodes.Status404NotFound, "Not found", "There is no such route; the routes are listed at /openapi/v1.json.", RouteTemplates.Unmatched);
        }

        request.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return ApiResults.Problem(
            StatusCodes.Status405MethodNotAllowed, "Method not allowed", $"{request.Method} is not allowed here; use {string.Join(" or ", allowed)}.", RouteTemplates.Of(request.Path));
    }
}
