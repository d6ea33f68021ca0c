namespace Scheduler.Functions.Authorities;

/// <summary><c>DELETE /api/authorities/{code}?purge=true</c> (operator): delete all of an authority's data.</summary>
public sealed class PurgeAuthority(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(PurgeAuthority))]
    [ApiOperation("Authorities", "Delete all of an authority's data (operator key, ?purge=true); the purge is audited.", Auth = ApiAuth.OperatorKey)]
    [ApiQuery("purge", typeof(bool), "Must be true: deleting an authority deletes all its data.", Required = true, Example = "true")]
    [ApiResponse(200, "Everything was deleted; the counts per table.", Type = typeof(PurgeResult))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Authority)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            if (!string.Equals(request.Query["purge"].ToString(), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new ValidationException("purge", "must be true: deleting an authority deletes all its data (DELETE …?purge=true)");
            }

            var deleted = await authorities.PurgeAsync(code, caller.KeyId, ct);
            return ApiResults.Json(new PurgeResult(code, true, deleted));
        });
}
