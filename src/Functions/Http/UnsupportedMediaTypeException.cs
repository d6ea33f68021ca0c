namespace Scheduler.Functions.Http;

/// <summary>A request body sent as something other than JSON (UTF-8): answered 415 naming <c>Content-Type</c>.</summary>
public sealed class UnsupportedMediaTypeException()
    : Exception("The request body must be sent as application/json (UTF-8).")
{
    /// <summary>Whether a Content-Type header value declares JSON in UTF-8: <c>application/json</c> or <c>application/*+json</c>, charset absent or utf-8.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var type = media.MediaType.Value ?? string.Empty;
        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }
}
