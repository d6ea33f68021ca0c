using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Scheduler.Application.Alerts.Links;

namespace Scheduler.Functions.Actions;

/// <summary>
/// The anti-forgery check of the action page's forms, the same under both hosts (no ASP.NET Core antiforgery,
/// whose keys would need a shared data-protection store across instances): the browser gets a random nonce in an
/// HttpOnly, SameSite=Strict cookie when it opens the page, each form carries an HMAC of the token and that nonce,
/// and a post is accepted only when the form's proof matches the cookie it came with. A page on another site can
/// neither read the proof nor make the browser send the cookie with its post.
/// </summary>
public sealed class ActionForms(LinkSigner signer, IOptions<SiteOptions> site)
{
    /// <summary>The form field carrying the proof.</summary>
    public const string ProofField = "proof";

    /// <summary>The longest form body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private static readonly FormOptions Limits = new() { ValueCountLimit = 16, ValueLengthLimit = 4096, KeyLengthLimit = 64, BufferBody = false };

    /// <summary>The cookie's name: with the <c>__Host-</c> prefix (Secure, Path=/, no Domain) when the app is served over https.</summary>
    public string CookieName(HttpRequest request) => Secure(request) ? "__Host-scheduler-form" : "scheduler-form";

    /// <summary>The browser's nonce: its cookie if it carries a well-formed one, else a new one to set.</summary>
    public string Nonce(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies[CookieName(request)] is { } existing && IsNonce(existing)
            ? existing
            : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>The cookie that carries <paramref name="nonce"/>.</summary>
    public (string Name, string Value, CookieOptions Options) Cookie(HttpRequest request, string nonce) => (CookieName(request), nonce, new CookieOptions
    {
        HttpOnly = true,
        Secure = Secure(request),
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
    });

    /// <summary>The proof the page's forms carry.</summary>
    public string Proof(string token, string nonce) => signer.FormProof(token, nonce);

    /// <summary>
    /// Reads a posted form and checks its proof against the browser's cookie. Null with a reason when the post is
    /// refused (not a form, too large, no cookie, or a proof that does not match).
    /// </summary>
    public async Task<(IFormCollection? Form, FormRefusal? Refusal)> ReadAsync(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType || request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (null, FormRefusal.NotAForm);
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, FormRefusal.TooLarge);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(Limits, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return (null, FormRefusal.TooLarge);
        }

        var cookie = request.Cookies[CookieName(request)];
        return cookie is null || !IsNonce(cookie) || !signer.IsFormProof(token, cookie, form[ProofField].ToString())
            ? (null, FormRefusal.Forged)
            : (form, null);
    }

    private bool Secure(HttpRequest request) =>
        request.IsHttps || site.Value.PublicBaseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool IsNonce(string value) => value.Length is >= 22 and <= 64 && Base64Url.IsValid(value);
}

/// <summary>Why a posted form was refused.</summary>
public enum FormRefusal
{
    /// <summary>Not an url-encoded form.</summary>
    NotAForm,

    /// <summary>Larger than a form of this page can be.</summary>
    TooLarge,

    /// <summary>No cookie, or a proof that does not match it: posted from elsewhere, or the browser blocked the cookie.</summary>
    Forged,
}
