using NodaTime;

namespace Scheduler.Application.Authorities;

/// <summary>
/// An issued API key as stored: its SHA-256 (never the key), a public key id for logs and the audit log, and its
/// scope (one authority).
/// </summary>
/// <param name="KeyId">Public id, for example <c>k-3f9a1c2b</c>.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the key's UTF-8 bytes.</param>
/// <param name="Authority">The one authority the key may read and write.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="CreatedBy">The key id that issued it.</param>
public sealed record ApiKeyRecord(string KeyId, string Sha256, string Authority, Instant CreatedAt, string CreatedBy);
