using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Json;

namespace Scheduler.Functions.Operations;

/// <summary><c>POST /api/ops/sweep</c> (operator): runs the daily sweep now and answers its summary.</summary>
public sealed class RunSweep(ApiEndpoint api, SweepRunner sweep)
{
    /// <summary>The function.</summary>
    [Function(nameof(RunSweep))]
    [ApiOperation("Operations", "Run the daily sweep now (operator key); answers what it did.", Auth = ApiAuth.OperatorKey)]
    [ApiResponse(200, "What the sweep did (camelCase, as stored).", Type = typeof(SweepSummary), Json = ApiJsonShape.State)]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Sweep)] HttpRequest request) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(), async (_, ct) => ApiResults.Json(await sweep.SweepAsync("operator", ct), StateJson.Options));
}
