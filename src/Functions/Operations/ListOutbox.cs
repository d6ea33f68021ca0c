using Scheduler.Application.Json;
using Scheduler.Application.Ports;

namespace Scheduler.Functions.Operations;

/// <summary><c>GET /api/ops/outbox</c> (operator): the emails in the local outbox (when no SendGrid key is set).</summary>
public sealed class ListOutbox(ApiEndpoint api, IOutbox outbox)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListOutbox))]
    [ApiOperation("Operations", "List the local outbox of alert emails (operator key).", Auth = ApiAuth.OperatorKey)]
    [ApiResponse(200, "The outbox (camelCase, as stored).", Type = typeof(OutboxList), Json = ApiJsonShape.State)]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Outbox)] HttpRequest request) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(), async (_, ct) =>
        {
            var entries = await outbox.ListAsync(ct);
            return ApiResults.Json(new OutboxList(outbox.Directory, entries.Count, entries), StateJson.Options);
        });
}
