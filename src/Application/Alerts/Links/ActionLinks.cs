using Microsoft.Extensions.Options;
using NodaTime;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// Builds the absolute URL of a milestone's action page for one recipient: <c>{PublicBaseUrl}/a/{token}</c>. Emails
/// carry one per item per recipient; calendar feeds one per item per subscriber key (<see cref="FeedRecipient"/>).
/// </summary>
public sealed class ActionLinks(LinkSigner signer, IOptions<SiteOptions> site)
{
    /// <summary>The route of the action page, below the base URL.</summary>
    public const string PathPrefix = "a/";

    /// <summary>The recipient a calendar feed's links are issued to: the subscriber's API key id, never the key.</summary>
    public static string FeedRecipient(string keyId) => "feed:" + keyId;

    /// <summary>The link for <paramref name="recipient"/> to act on the milestone, valid from <paramref name="issuedOn"/>.</summary>
    public Uri For(string authority, string milestoneKey, string recipient, LocalDate issuedOn) =>
        new($"{site.Value.PublicBaseUrl.TrimEnd('/')}/{PathPrefix}{signer.Issue(authority, milestoneKey, recipient, issuedOn)}", UriKind.Absolute);
}
