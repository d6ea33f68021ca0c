using Microsoft.Extensions.Options;
using Scheduler.Application.Imports;

namespace Scheduler.Functions.Imports;

/// <summary>
/// <c>POST /api/authorities/{code}/imports</c>: a statutory return as <c>multipart/form-data</c> (the SSDA903 CSVs, or
/// the CIN census XML; fields or query parameters <c>kind</c>, <c>year</c>, <c>dry_run</c>) imported into the
/// authority's cases; answers the import report (200, dry run or not). 415 for a body that is not multipart, 413
/// beyond <see cref="ImportLimits.MaxRequestBytes"/>, 400 naming the field for anything else wrong with the request.
/// </summary>
public sealed class ImportReturn(ApiEndpoint api, ImportService imports, IOptions<ImportLimits> limits)
{
    /// <summary>The function.</summary>
    [Function(nameof(ImportReturn))]
    [ApiOperation("Imports", "Import a statutory return (SSDA903 CSVs or CIN census XML, as multipart/form-data) into the authority's cases; dry_run=true reports what would change and writes nothing.")]
    [ApiRequest(typeof(ImportForm), ContentType = "multipart/form-data")]
    [ApiQuery("kind", typeof(string), "903 or cin (inferred when absent: an XML first file is a census, anything else a 903).", Example = "903")]
    [ApiQuery("year", typeof(string), "The collection year whose code lists apply, as 2026 or 2025/26.", Example = "2026")]
    [ApiQuery("dry_run", typeof(bool), "true: report what would change and write nothing.", Example = "true")]
    [ApiResponse(200, "The import report (also for a dry run).", Type = typeof(StoredImportReport))]
    [ApiResponse(404, "No such authority.")]
    [ApiResponse(409, "Concurrent changes to a case kept conflicting; import again (nothing is duplicated).")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Imports)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (caller, ct) =>
        {
            if (ImportUpload.Boundary(request) is not { } boundary)
            {
                return ApiResults.Problem(
                    StatusCodes.Status415UnsupportedMediaType,
                    "Unsupported media type",
                    "Content-Type: send the return as multipart/form-data (one part per file)",
                    request.Path.Value,
                    [new FieldError("Content-Type", "must be multipart/form-data with a boundary")]);
            }

            var upload = await ImportUpload.OpenAsync(request, boundary, limits.Value, ct);
            var report = await imports.ImportAsync(code, new ImportRequest(upload.Kind, upload.Files(ct), upload.Year, upload.DryRun), caller.KeyId, ct);
            return ApiResults.Json(report);
        });
}
