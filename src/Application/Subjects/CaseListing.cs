using System.Buffers.Text;
using System.Text.Json;

namespace Scheduler.Application.Subjects;

/// <summary>
/// Lists an authority's cases a page at a time: <c>limit</c> (default 50, at most 500), an opaque continuation
/// (the storage's own token, wrapped with the authority it belongs to), and filters by type and by assignee
/// email. The type filter is applied by the storage; the assignee filter to each page read, so a page filtered by
/// assignee may hold fewer than <c>limit</c> cases (even none) while a continuation is still returned.
/// </summary>
public sealed class CaseListing(AuthorityService authorities, ISubjectStore subjects)
{
    /// <summary>The page size when none is asked for.</summary>
    public const int DefaultLimit = 50;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxLimit = 500;

    /// <summary>One page; errors name the query parameter.</summary>
    public async Task<CasePage> ListAsync(string authority, CaseQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ValidationException("limit", $"must be between 1 and {MaxLimit}");
        }

        string? variant = null;
        if (query.Type is { } typeText)
        {
            variant = CaseTypes.Name(CaseTypes.ParseOrRefuse(typeText));
        }

        if (query.Assignee is { } assignee && !Contacts.IsEmail(assignee))
        {
            throw new ValidationException("assignee", "must be an email address");
        }

        var storageToken = query.Continuation is { } token ? Unwrap(token, authority) : null;
        await authorities.GetAsync(authority, cancellationToken).ConfigureAwait(false);
        var page = await subjects.PageAsync(SubjectKind.Case, authority, variant, query.Limit, storageToken, cancellationToken).ConfigureAwait(false);
        var items = query.Assignee is { } email
            ? [.. page.Items.Where(c => c.Assignees.Values.Contains(email, StringComparer.OrdinalIgnoreCase))]
            : page.Items;
        return new CasePage(items, page.Continuation is { } next ? Wrap(next, authority) : null);
    }

    // The token names its authority, so one authority's token is refused on another's list; base64url keeps it opaque and URL-safe.
    private static string Wrap(string storageToken, string authority) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new ContinuationToken(authority, storageToken)));

    private static string Unwrap(string token, string authority)
    {
        try
        {
            var decoded = JsonSerializer.Deserialize<ContinuationToken>(Base64Url.DecodeFromChars(token));
            if (decoded is { A: { } a, T: { Length: > 0 and <= 2048 } t } && string.Equals(a, authority, StringComparison.Ordinal))
            {
                return t;
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            // Falls through to the refusal below.
        }

        throw new ValidationException("continuation", "is not a continuation this list returned; start again without it");
    }

    private sealed record ContinuationToken(string? A, string? T);
}

/// <summary>What <c>GET …/cases</c> asks for.</summary>
/// <param name="Limit">Page size, 1–500.</param>
/// <param name="Continuation">The token of the previous page, or null for the first.</param>
/// <param name="Type">A case type (<c>CP</c>, <c>LAC</c>, …), or null for all.</param>
/// <param name="Assignee">An assignee's email, or null for all.</param>
public sealed record CaseQuery(int Limit = CaseListing.DefaultLimit, string? Continuation = null, string? Type = null, string? Assignee = null);

/// <summary>One page of cases and the token of the next (null on the last).</summary>
public sealed record CasePage(IReadOnlyList<SubjectSummary> Cases, string? Continuation);
