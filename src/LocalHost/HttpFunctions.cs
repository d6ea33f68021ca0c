using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Scheduler.Functions.Meta;

namespace Scheduler.LocalHost;

/// <summary>
/// Serves every <c>[HttpTrigger]</c> function at its route and methods (host.json's route prefix is empty), and
/// nothing else: the local host, like the Functions host, has no other endpoints.
/// </summary>
public static class HttpFunctions
{
    /// <summary>Maps the HTTP functions of the catalogue.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionEntry> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        foreach (var function in functions.Where(f => f.Trigger is HttpTriggerAttribute))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var methods = (trigger.Methods ?? ["GET", "POST", "PUT", "DELETE"]).Select(m => m.ToUpperInvariant()).ToArray();
            endpoints.MapMethods("/" + (trigger.Route ?? function.Name), methods, context => InvokeAsync(function, context)).WithDisplayName(function.Name);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(FunctionEntry function, HttpContext context)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var routeValues = context.Request.RouteValues.ToDictionary(p => p.Key, p => p.Value?.ToString(), StringComparer.OrdinalIgnoreCase);
        var result = await invoker.InvokeAsync(function, context.Request, routeValues, context.RequestAborted).ConfigureAwait(false);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case IResult minimal:
                await minimal.ExecuteAsync(context).ConfigureAwait(false);
                break;
            case null:
                break;
            default:
                throw new InvalidOperationException($"Function {function.Name} returned {result.GetType().Name}, which the local host cannot write.");
        }
    }
}
