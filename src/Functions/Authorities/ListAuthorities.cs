namespace Scheduler.Functions.Authorities;

/// <summary><c>GET /api/authorities</c> (operator).</summary>
public sealed class ListAuthorities(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListAuthorities))]
    [ApiOperation("Authorities", "List authorities (operator key).", Auth = ApiAuth.OperatorKey)]
    [ApiResponse(200, "Every authority.", Type = typeof(AuthorityList))]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Authorities)] HttpRequest request) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(), async (_, ct) =>
            ApiResults.Json(new AuthorityList([.. (await authorities.ListAsync(ct)).Select(AuthorityView.From)])));
}
