using NodaTime;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// What a signed action link names: one milestone of one authority, for one recipient, until a day. The recipient
/// is carried as a keyed hash (<see cref="RecipientTag"/>), never in clear, so a link in a log or a proxy's history
/// names no address; the page finds the address among the authority's contacts and the case's assignees.
/// </summary>
/// <param name="Authority">The authority code.</param>
/// <param name="MilestoneKey">The milestone's key within the authority (<see cref="Scheduler.Domain.Alerts.MilestoneKeys"/>).</param>
/// <param name="RecipientTag">The first 16 bytes of HMAC-SHA256(key, "recipient\n" + lower-case address).</param>
/// <param name="Expires">The last day (Europe/London) the link is valid.</param>
/// <param name="KeyIndex">0 when the current key signed it, 1 the previous one.</param>
public sealed record ActionLink(string Authority, string MilestoneKey, byte[] RecipientTag, LocalDate Expires, int KeyIndex);

/// <summary>Why a token was refused.</summary>
public enum LinkRefusal
{
    /// <summary>Not a token at all, or altered: the signature does not match (nothing in it is trusted or shown).</summary>
    NotValid,

    /// <summary>Signed by us, but past its last valid day.</summary>
    Expired,
}

/// <summary>The outcome of checking a token: the link, or why it was refused.</summary>
/// <param name="Link">The verified link; null when refused.</param>
/// <param name="Refusal">Why it was refused; null when valid.</param>
/// <param name="ExpiredOn">For <see cref="LinkRefusal.Expired"/>, its last valid day.</param>
public sealed record LinkCheck(ActionLink? Link, LinkRefusal? Refusal, LocalDate? ExpiredOn = null)
{
    /// <summary>Whether the token is valid today.</summary>
    public bool IsValid => Link is not null;
}
