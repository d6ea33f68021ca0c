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
