namespace Scheduler.Functions.Authorities;

/// <summary><c>GET /api/authorities/{code}</c>.</summary>
public sealed class GetAuthority(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetAuthority))]
    [ApiOperation("Authorities", "Read an authority: name, contacts per role, parameters, closure days, escalation policy override.")]
    [ApiResponse(200, "The authority.", Type = typeof(AuthorityView))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Authority)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) => ApiResults.Json(AuthorityView.From(await authorities.GetAsync(code, ct))));
}
