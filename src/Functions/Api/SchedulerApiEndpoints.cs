namespace Scheduler.Functions.Api;

/// <summary>Maps the HTTP API and the OpenAPI document.</summary>
public static class SchedulerApiEndpoints
{
    /// <summary>Problem details for every <c>/api</c> failure; must run before the endpoints.</summary>
    public static IApplicationBuilder UseSchedulerApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), b => b.UseMiddleware<ApiErrorMiddleware>());

    /// <summary>Maps <c>/api/authorities/…</c> (guarded by <see cref="AuthorityAccess"/>) and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapSchedulerApi(this IEndpointRouteBuilder endpoints)
    {
        var authorities = endpoints.MapGroup("/api/authorities")
            .AddEndpointFilter<AuthorityAccess>()
            .WithTags("Authorities");
        AuthorityEndpoints.Map(authorities);
        EpisodeEndpoints.Map(authorities);
        CaseEndpoints.Map(authorities);
        WorkEndpoints.Map(authorities);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        return endpoints;
    }
}
