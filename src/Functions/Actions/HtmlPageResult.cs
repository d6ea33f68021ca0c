namespace Scheduler.Functions.Actions;

/// <summary>
/// An HTML page with the action page's security headers: no scripts, no framing, forms only to this app, no
/// referrer, no caching. Written by hand rather than as a ContentResult because a ContentResult carries no headers,
/// and the same bytes must come out under the Functions host and the local host.
/// </summary>
public sealed class HtmlPageResult(int statusCode, string html, string styleHash) : IActionResult
{
    /// <summary>The media type of every page.</summary>
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>A cookie to set with the page, or null.</summary>
    public (string Name, string Value, CookieOptions Options)? Cookie { get; init; }

    /// <summary>The status code.</summary>
    public int StatusCode => statusCode;

    /// <summary>The page.</summary>
    public string Html => html;

    /// <summary>The Content-Security-Policy sent: nothing may load but the page's one stylesheet, and forms post only here.</summary>
    public string ContentSecurityPolicy =>
        $"default-src 'none'; style-src '{styleHash}'; img-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        if (Cookie is { } cookie)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, cookie.Options);
        }

        await response.WriteAsync(html, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
