namespace Scheduler.Functions.Meta;

/// <summary><c>GET /openapi/v1.json</c>: the API's OpenAPI document (no key needed).</summary>
public sealed class OpenApi
{
    private static readonly Lazy<string> Document = new(() => OpenApiDocument.Build().ToJsonString());

    /// <summary>The function.</summary>
    [Function(nameof(OpenApi))]
    [ApiOperation("Meta", "This document.", Auth = ApiAuth.None)]
    [ApiResponse(200, "The OpenAPI 3.1 document.", Type = typeof(object))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.OpenApi)] HttpRequest request) =>
        ApiResults.Text(Document.Value, ApiResults.JsonType);
}
