namespace Scheduler.Functions.Authorities;

/// <summary><c>PUT /api/authorities/{code}</c> (operator): create or replace an authority.</summary>
public sealed class PutAuthority(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(PutAuthority))]
    [ApiOperation("Authorities", "Create or replace an authority (operator key).")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Authority)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            var (authority, created) = await authorities.PutAsync(code, await ApiEndpoint.BodyAsync(request, ct), caller.KeyId, ct);
            return ApiResults.Json(AuthorityView.From(authority), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
