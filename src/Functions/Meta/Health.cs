namespace Scheduler.Functions.Meta;

/// <summary><c>GET /health</c>: the app is up (no key needed; it reveals nothing).</summary>
public sealed class Health
{
    /// <summary>The function.</summary>
    [Function(nameof(Health))]
    [ApiOperation("Meta", "Liveness: {\"status\":\"ok\"}.", Auth = ApiAuth.None)]
    [ApiResponse(200, "The app is up.", Type = typeof(HealthStatus), Example = """{"status":"ok"}""")]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Health)] HttpRequest request) =>
        ApiResults.Json(new HealthStatus("ok"));
}
