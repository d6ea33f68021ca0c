namespace Scheduler.Functions.Authorities;

/// <summary><c>DELETE /api/authorities/{code}/keys/{keyId}</c> (operator): revoke a key; it is refused at once on every instance.</summary>
public sealed class RevokeKey(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(RevokeKey))]
    [ApiOperation("Authorities", "Revoke one of the authority's API keys (operator key): the next request with it, on any instance, gets 401. Audited.", Auth = ApiAuth.OperatorKey)]
    [ApiResponse(204, "The key is revoked.")]
    [ApiResponse(404, "No such authority, or it has no key with that id.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Key)] HttpRequest request, string code, string keyId) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            await authorities.RevokeKeyAsync(code, keyId, caller.KeyId, ct);
            return ApiResults.NoContent();
        });
}
