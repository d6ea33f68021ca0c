using NodaTime;

namespace Scheduler.Functions.Views;

/// <summary>An issued key as the key list shows it: what it is, never the key or its hash.</summary>
/// <param name="KeyId">The public key id, as logged and audited.</param>
/// <param name="Authority">The authority the key is scoped to.</param>
/// <param name="Label">What it is for, when given.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="CreatedBy">The key id that issued it (<c>operator</c>).</param>
/// <param name="LastUsedOn">The last day it was accepted (Europe/London), or null if never.</param>
/// <param name="Expires">The last day it is accepted, or null for no expiry.</param>
/// <param name="Expired">Whether that day has passed: the key is refused.</param>
public sealed record ApiKeyView(string KeyId, string Authority, string? Label, Instant CreatedAt, string CreatedBy, LocalDate? LastUsedOn, LocalDate? Expires, bool Expired)
{
    /// <summary>Maps a stored key as of <paramref name="today"/>.</summary>
    public static ApiKeyView From(ApiKeyRecord record, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.KeyId, record.Authority, record.Label, record.CreatedAt, record.CreatedBy, record.LastUsedOn, record.Expires, record.IsExpiredOn(today));
    }
}

/// <summary>The answer of the key list: <c>{"keys":[…]}</c>, oldest first.</summary>
public sealed record KeyList(IReadOnlyList<ApiKeyView> Keys);
