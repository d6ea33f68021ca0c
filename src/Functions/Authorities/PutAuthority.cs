namespace Scheduler.Functions.Authorities;

/// <summary><c>PUT /api/authorities/{code}</c> (operator): create or replace an authority.</summary>
public sealed class PutAuthority(ApiEndpoint api, AuthorityService authorities)
{
    private const string Example = """
        {"name":"London Borough of Croydon (demo)","contacts":{"PO":["programme.office@croydon.example"],"DCS":["director.childrens.services@croydon.example"],"IRO":["iro.team@croydon.example"]},"parameters":{"cp_visit_interval_working_days":10},"closure_days":["2017-12-27"]}
        """;

    /// <summary>The function.</summary>
    [Function(nameof(PutAuthority))]
    [ApiOperation("Authorities", "Create or replace an authority (operator key).", Auth = ApiAuth.OperatorKey)]
    [ApiRequest(typeof(PutAuthorityRequest), Example = Example)]
    [ApiResponse(200, "The authority was replaced (changed parameters or closure days recompute every episode and case).", Type = typeof(AuthorityView))]
    [ApiResponse(201, "The authority was created.", Type = typeof(AuthorityView))]
    [ApiResponse(409, "Concurrent changes kept conflicting; retry.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Routes.Authority)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.OperatorOnlyFor(code), async (caller, ct) =>
        {
            var body = PutAuthorityRequest.Parse(await ApiEndpoint.BodyAsync(request, ct));
            var (authority, created) = await authorities.PutAsync(code, body, caller.KeyId, ct);
            return ApiResults.Json(AuthorityView.From(authority), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        });
}
