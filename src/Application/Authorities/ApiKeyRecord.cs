using NodaTime;

namespace Scheduler.Application.Authorities;

/// <summary>
/// An issued API key as stored: its SHA-256 (never the key), a public key id for logs and the audit log, and its
/// scope (one authority); optionally a label, the last day it may be used, and the last day it was used.
/// </summary>
/// <param name="KeyId">Public id, for example <c>k-3f9a1c2b</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the key's UTF-8 bytes.</param>
/// <param name="Authority">The one authority the key may read and write.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="CreatedBy">The key id that issued it.</param>
/// <param name="Label">What the key is for (for example "Outlook feed, programme office"); never a secret.</param>
/// <param name="Expires">The last day (Europe/London) the key is accepted; null: until revoked.</param>
/// <param name="LastUsedOn">The last day (Europe/London) the key was accepted, written at most once a day.</param>
/// <param name="ETag">The stored row's version, so the last-used day is written by one request only.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    string Sha256,
    string Authority,
    Instant CreatedAt,
    string CreatedBy,
    string? Label = null,
    LocalDate? Expires = null,
    LocalDate? LastUsedOn = null,
    string? ETag = null)
{
    /// <summary>Whether the key is past its last day on <paramref name="today"/>.</summary>
    public bool IsExpiredOn(LocalDate today) => Expires is { } last && today > last;
}
