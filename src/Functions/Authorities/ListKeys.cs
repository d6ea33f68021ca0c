using NodaTime;
using NodaTime.Extensions;

namespace Scheduler.Functions.Authorities;

/// <summary><c>GET /api/authorities/{code}/keys</c> (operator): the authority's keys, never the keys themselves.</summary>
public sealed class ListKeys(ApiEndpoint api, AuthorityService authorities, IClock clock)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListKeys))]
    [ApiOperation("Authorities", "List the authority's API keys (operator key): id, label, when issued and by whom, the last day used, the last day of use. Never a key or its hash.", Auth = ApiAuth.OperatorKey)]
    [ApiResponse(200, "The keys, oldest first.", Type = typeof(KeyList))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Keys)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (_, ct) =>
        {
            var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
            return ApiResults.Json(new KeyList([.. (await authorities.ListKeysAsync(code, ct)).Select(k => ApiKeyView.From(k, today))]));
        });
}
