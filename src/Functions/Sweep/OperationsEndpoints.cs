using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Api;
using Scheduler.Functions.Host;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Sweep;

/// <summary>
/// Operator endpoints of the sweep (the <c>Operations</c> function, route <c>api/ops/{*rest}</c>):
/// <c>POST /api/ops/sweep</c> runs a sweep now; <c>GET /api/ops/outbox</c> lists the local outbox. Both need the
/// operator key in <c>X-Api-Key</c> (its SHA-256 is <c>Scheduler__OperatorKeySha256</c>).
/// </summary>
public static class OperationsEndpoints
{
    /// <summary>The header carrying the key.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSweepOperations(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/ops/sweep", RunSweepAsync).WithName("RunSweep");
        endpoints.MapGet("/api/ops/outbox", ListOutboxAsync).WithName("ListOutbox");
        return endpoints;
    }

    private static async Task RunSweepAsync(HttpContext context, [FromServices] ISweepRunner runner, [FromServices] IOptions<SchedulerOptions> options)
    {
        if (await RejectAsync(context, options.Value).ConfigureAwait(false))
        {
            return;
        }

        if (runner is not SweepRunner sweep)
        {
            await ProblemWriter.WriteAsync(context, new ApiProblemException(
                StatusCodes.Status503ServiceUnavailable, "Sweep not configured", "No sweep runner is configured.")).ConfigureAwait(false);
            return;
        }

        var summary = await sweep.SweepAsync("operator", context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, summary, StateJson.Options, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task ListOutboxAsync(HttpContext context, [FromServices] OutboxEmailSender outbox, [FromServices] IOptions<SchedulerOptions> options)
    {
        if (await RejectAsync(context, options.Value).ConfigureAwait(false))
        {
            return;
        }

        var entries = await outbox.ListAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(
            context.Response.Body,
            new { directory = outbox.Directory, count = entries.Count, emails = entries },
            StateJson.Options,
            context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes 401 (no key) or 403 (not the operator key) and returns true; false when the operator called.</summary>
    private static async Task<bool> RejectAsync(HttpContext context, SchedulerOptions options)
    {
        var presented = context.Request.Headers[KeyHeader].ToString().Trim();
        if (presented.Length == 0)
        {
            await ProblemWriter.WriteAsync(context, new ApiProblemException(
                StatusCodes.Status401Unauthorized, "API key required", $"Send the operator key in the {KeyHeader} header.")).ConfigureAwait(false);
            return true;
        }

        var expected = options.OperatorKeySha256?.Trim();
        if (string.IsNullOrEmpty(expected) || presented.Length > 512 || !ApiKeyHasher.HashesEqual(ApiKeyHasher.Hash(presented), expected))
        {
            await ProblemWriter.WriteAsync(context, new ApiProblemException(
                StatusCodes.Status403Forbidden, "Operator only", "This endpoint needs the operator key.")).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
