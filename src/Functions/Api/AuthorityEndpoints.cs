using Scheduler.Functions.Application;

namespace Scheduler.Functions.Api;

/// <summary><c>/api/authorities[/{code}[/keys]]</c>: profiles (operator writes), key issue and purge.</summary>
public static class AuthorityEndpoints
{
    /// <summary>Maps the routes on the guarded <c>/api/authorities</c> group.</summary>
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (AuthorityService service, CancellationToken ct) =>
                ApiJson.Result(new { authorities = (await service.ListAsync(ct)).Select(AuthorityView.From) }))
            .WithMetadata(new OperatorOnlyAttribute())
            .WithSummary("List authorities (operator key).");

        group.MapGet("/{code}", async (string code, AuthorityService service, CancellationToken ct) =>
                ApiJson.Result(AuthorityView.From(await service.GetAsync(code, ct))))
            .WithSummary("Read an authority: name, contacts per role, parameters, closure days, escalation policy override.");

        group.MapPut("/{code}", async (string code, HttpContext http, AuthorityService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadObjectAsync(http.Request, ct);
                var (authority, created) = await service.PutAsync(code, body, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(AuthorityView.From(authority), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            })
            .WithMetadata(new OperatorOnlyAttribute())
            .WithSummary("Create or replace an authority (operator key).");

        group.MapDelete("/{code}", async (string code, bool? purge, HttpContext http, AuthorityService service, CancellationToken ct) =>
            {
                if (purge != true)
                {
                    throw ApiProblemException.BadRequest("purge", "must be true: deleting an authority deletes all its data (DELETE …?purge=true)");
                }

                var deleted = await service.PurgeAsync(code, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(new { authority = code, purged = true, deleted });
            })
            .WithMetadata(new OperatorOnlyAttribute())
            .WithSummary("Delete all of an authority's data (operator key, ?purge=true); the purge is audited.");

        group.MapPost("/{code}/keys", async (string code, HttpContext http, AuthorityService service, CancellationToken ct) =>
                ApiJson.Result(await service.IssueKeyAsync(code, AuthorityAccess.Caller(http).KeyId, ct), StatusCodes.Status201Created))
            .WithMetadata(new OperatorOnlyAttribute())
            .WithSummary("Issue an API key scoped to the authority (operator key). The key is shown once; only its SHA-256 is stored.");
    }
}
