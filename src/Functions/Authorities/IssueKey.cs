namespace Scheduler.Functions.Authorities;

/// <summary><c>POST /api/authorities/{code}/keys</c> (operator): issue an authority-scoped API key.</summary>
public sealed class IssueKey(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(IssueKey))]
    [ApiOperation("Authorities", "Issue an API key scoped to the authority (operator key), optionally with a label and a last day of use. The key is shown once; only its SHA-256 is stored.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Keys)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            var body = IssueKeyRequest.Parse(await ApiEndpoint.OptionalBodyAsync(request, ct));
            return ApiResults.Json(await authorities.IssueKeyAsync(code, body, caller.KeyId, ct), StatusCodes.Status201Created);
        });
}
