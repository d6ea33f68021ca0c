namespace Scheduler.Functions.Authorities;

/// <summary><c>POST /api/authorities/{code}/keys</c> (operator): issue an authority-scoped API key.</summary>
public sealed class IssueKey(ApiEndpoint api, AuthorityService authorities)
{
    /// <summary>The function.</summary>
    [Function(nameof(IssueKey))]
    [ApiOperation("Authorities", "Issue an API key scoped to the authority (operator key), optionally with a label and a last day of use. The key is shown once; only its SHA-256 is stored.", Auth = ApiAuth.OperatorKey)]
    [ApiRequest(typeof(IssueKeyRequest), Required = false, Example = """{"label":"Outlook feed, programme office","expires":"2018-03-31"}""")]
    [ApiResponse(201, "The key, shown this once.", Type = typeof(IssuedKey), Example = """{"key_id":"k-3f9a1c2b","key":"sk_croydon_2Qm4wVb0y1u8hE6Jv3x5aZt7LkN9pRq0sD2fGhJkLmN","authority":"croydon","created_at":"2017-12-12T12:00:00Z","label":"Outlook feed, programme office","expires":"2018-03-31"}""")]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Keys)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            var body = IssueKeyRequest.Parse(await ApiEndpoint.OptionalBodyAsync(request, ct));
            return ApiResults.Json(await authorities.IssueKeyAsync(code, body, caller.KeyId, ct), StatusCodes.Status201Created);
        });
}
