using System.Text.Json.Nodes;

namespace Scheduler.Functions.Host;

/// <summary>Marks the endpoint that receives the host's invocations for one non-HTTP function.</summary>
public sealed record FunctionInvocationMetadata(string FunctionName);

/// <summary>Maps the custom-handler invocation routes and the health probe.</summary>
public static class InvocationEndpoints
{
    /// <summary>Maps <c>POST /{FunctionName}</c> for every registered non-HTTP function handler.</summary>
    public static IEndpointRouteBuilder MapInvocations(this IEndpointRouteBuilder endpoints)
    {
        IReadOnlyCollection<string> names;
        using (var scope = endpoints.ServiceProvider.CreateScope())
        {
            names = [.. scope.ServiceProvider.GetRequiredService<FunctionRegistry>().Names];
        }

        foreach (var name in names)
        {
            endpoints.MapPost("/" + name, (HttpContext context, InvocationDispatcher dispatcher) => InvokeAsync(name, context, dispatcher))
                .WithName("Invoke" + name)
                .WithMetadata(new FunctionInvocationMetadata(name))
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    /// <summary>Maps <c>GET /health</c> → 200 <c>{"status":"ok"}</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", () => Results.Json(new JsonObject { ["status"] = "ok" }))
            .WithName("Health");
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(string name, HttpContext context, InvocationDispatcher dispatcher)
    {
        InvocationRequest request;
        try
        {
            request = await InvocationRequest.ReadAsync(name, context.Request.Body, context.RequestAborted);
        }
        catch (InvalidInvocationException ex)
        {
            var rejected = InvocationResult.PermanentlyFailed(ex.Message);
            return Results.Json(rejected.ToResponseBody(), statusCode: StatusCodes.Status400BadRequest);
        }

        var result = await dispatcher.DispatchAsync(request, context.RequestAborted);
        return Results.Json(result.ToResponseBody(), statusCode: result.StatusCode);
    }
}
