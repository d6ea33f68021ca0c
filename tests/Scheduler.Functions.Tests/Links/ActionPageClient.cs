using System.Net;
using System.Text.RegularExpressions;

namespace Scheduler.Functions.Tests.Links;

/// <summary>A page as a browser without scripts would use it: the HTML, the form proof in it and the cookie it set.</summary>
internal sealed record PageView(HttpResponseMessage Response, string Html, string? Proof, string? Cookie)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string Header(string name) =>
        Response.Headers.TryGetValues(name, out var values) || Response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : string.Empty;
}

/// <summary>Opens action pages and posts their forms over a plain HttpClient, carrying the form cookie as a browser would.</summary>
internal static partial class ActionPageClient
{
    /// <summary>GET the page at <paramref name="path"/> (optionally sending a cookie).</summary>
    public static async Task<PageView> GetAsync(HttpClient client, string path, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await ReadAsync(await client.SendAsync(request));
    }

    /// <summary>POST a url-encoded form, with the cookie when given.</summary>
    public static async Task<PageView> PostAsync(HttpClient client, string path, string? cookie, IReadOnlyDictionary<string, string> fields, string? contentType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        request.Content = contentType is null
            ? new FormUrlEncodedContent(fields)
            : new StringContent(string.Join("&", fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")), System.Text.Encoding.UTF8, contentType);
        return await ReadAsync(await client.SendAsync(request));
    }

    /// <summary>Submits the page's form whose action ends with <paramref name="action"/>, with its proof and the page's cookie.</summary>
    public static Task<PageView> SubmitAsync(HttpClient client, PageView page, string action, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = FormAction().Matches(page.Html).Select(m => m.Groups[1].Value).Single(a => a.EndsWith("/" + action, StringComparison.Ordinal));
        Assert.NotNull(page.Proof);
        Assert.NotNull(page.Cookie);
        var all = new Dictionary<string, string>(fields) { ["proof"] = page.Proof };
        return PostAsync(client, form, page.Cookie, all);
    }

    /// <summary>The text of the page with tags removed and entities decoded, for asserting what a reader sees.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(InlineTags().Replace(html, string.Empty), " "), " "));

    private static async Task<PageView> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var proof = ProofField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        string? cookie = null;
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            cookie = cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.Contains("scheduler-form=", StringComparison.Ordinal));
        }

        return new PageView(response, html, proof, cookie);
    }

    [GeneratedRegex("name=\"proof\" value=\"([^\"]+)\"")]
    private static partial Regex ProofField();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("</?(strong|em|a)( [^>]*)?>")]
    private static partial Regex InlineTags();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
