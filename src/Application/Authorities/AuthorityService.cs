using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>Authorities: profile, contacts, local parameters, closure days, escalation policy override; keys and purge (operator).</summary>
public sealed partial class AuthorityService(
    IAuthorityStore authorities,
    IApiKeyStore keys,
    IAuthorityPurger purger,
    SubjectRecomputer recomputer,
    IAuditLog audit,
    IClock clock)
{
    /// <summary>The authority, or a 404 problem.</summary>
    public async Task<AuthorityRecord> GetAsync(string code, CancellationToken cancellationToken) =>
        await authorities.GetAsync(code, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"Authority '{code}'");

    /// <summary>The authority's computation context, or a 404 problem.</summary>
    public async Task<AuthorityContext> ContextAsync(string code, CancellationToken cancellationToken) =>
        AuthorityContext.From(await GetAsync(code, cancellationToken).ConfigureAwait(false));

    /// <summary>Every authority.</summary>
    public async Task<IReadOnlyList<AuthorityRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<AuthorityRecord>();
        await foreach (var a in authorities.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(a);
        }

        return list;
    }

    /// <summary>
    /// Creates or replaces an authority's profile from a PUT body (<see cref="PutAuthorityRequest.Parse"/>). When its parameters or closure days change,
    /// every episode and case is recomputed so stored milestones and the due index follow.
    /// </summary>
    public Task<(AuthorityRecord Authority, bool Created)> PutAsync(string code, JsonElement body, string actor, CancellationToken cancellationToken) =>
        PutAsync(code, PutAuthorityRequest.Parse(body), actor, cancellationToken);

    /// <summary>Creates or replaces an authority's profile from a parsed PUT body.</summary>
    public async Task<(AuthorityRecord Authority, bool Created)> PutAsync(string code, PutAuthorityRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await authorities.GetAsync(code, cancellationToken).ConfigureAwait(false);
            var now = clock.GetCurrentInstant();
            var record = new AuthorityRecord
            {
                Code = code,
                Name = request.Name,
                Contacts = request.Contacts ?? new Dictionary<Role, IReadOnlyList<string>>(),
                Parameters = request.Parameters,
                ClosureDays = request.ClosureDays ?? [],
                EscalationPolicy = request.EscalationPolicy,
                Version = (existing?.Version ?? 0) + 1,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
                ETag = existing?.ETag ?? default,
            };
            try
            {
                var stored = await authorities.SaveAsync(record, cancellationToken).ConfigureAwait(false);
                var (before, after) = existing is null ? (null, AuthorityAudit.Json(stored)) : AuthorityAudit.Change(existing, stored);
                await audit.AppendAsync(
                    new AuditEntry
                    {
                        Authority = code,
                        Actor = actor,
                        Operation = existing is null ? "authority.created" : "authority.updated",
                        EntityType = "authority",
                        EntityKey = code,
                        Before = before,
                        After = after,
                        At = now,
                    },
                    cancellationToken).ConfigureAwait(false);
                if (existing is not null && CalendarInputsChanged(existing, stored))
                {
                    await recomputer.RecomputeAllAsync(AuthorityContext.From(stored), actor, cancellationToken).ConfigureAwait(false);
                }

                return (stored, existing is null);
            }
            catch (Exception ex) when (attempt < 3 && ex is StoreConflictException)
            {
                // Another PUT landed between our read and write: re-read and apply this one on top (last writer wins, nothing half-written).
            }
        }
    }

    /// <summary>
    /// Issues an authority-scoped key, optionally labelled and with a last day of use (today or later); the key is
    /// returned once and only its SHA-256 is stored.
    /// </summary>
    public async Task<IssuedKey> IssueKeyAsync(string code, IssueKeyRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await GetAsync(code, cancellationToken).ConfigureAwait(false);
        if (request.Expires is { } expires && expires < clock.InZone(SchedulerTime.London).GetCurrentDate())
        {
            throw new ValidationException("expires", "is in the past: give today or a later day");
        }

        var key = ApiKeyHasher.NewKey(code);
        var record = new ApiKeyRecord(ApiKeyHasher.NewKeyId(), ApiKeyHasher.Hash(key), code, clock.GetCurrentInstant(), actor, request.Label, request.Expires);
        await keys.AddAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = code,
                Actor = actor,
                Operation = "api-key.issued",
                EntityType = "api-key",
                EntityKey = record.KeyId,
                After = KeyAudit(record),
                At = record.CreatedAt,
            },
            cancellationToken).ConfigureAwait(false);
        return new IssuedKey(record.KeyId, key, code, record.CreatedAt, record.Label, record.Expires);
    }

    /// <summary>The authority's keys (never a key or its hash), oldest first; 404 when the authority is unknown.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(string code, CancellationToken cancellationToken)
    {
        await GetAsync(code, cancellationToken).ConfigureAwait(false);
        var list = new List<ApiKeyRecord>();
        await foreach (var key in keys.ListAsync(code, cancellationToken).ConfigureAwait(false))
        {
            list.Add(key);
        }

        return [.. list.OrderBy(k => k.CreatedAt).ThenBy(k => k.KeyId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Revokes one of the authority's keys: its row is deleted, so every instance refuses it on its next request.
    /// 404 when the authority has no key with that id.
    /// </summary>
    public async Task RevokeKeyAsync(string code, string keyId, string actor, CancellationToken cancellationToken)
    {
        if (!KeyParts.IsKeyId(keyId))
        {
            throw new ValidationException("keyId", "is not a key id (k- followed by letters, digits or '-')");
        }

        var record = (await ListKeysAsync(code, cancellationToken).ConfigureAwait(false)).FirstOrDefault(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal))
            ?? throw new NotFoundException($"Key '{keyId}' of authority '{code}'");
        await keys.DeleteAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = code,
                Actor = actor,
                Operation = "api-key.revoked",
                EntityType = "api-key",
                EntityKey = record.KeyId,
                Before = KeyAudit(record),
                At = clock.GetCurrentInstant(),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes all the authority's data (the audit log keeps the record of it); 404 when unknown.</summary>
    public async Task<IReadOnlyDictionary<string, int>> PurgeAsync(string code, string actor, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(code, cancellationToken).ConfigureAwait(false);
        var counts = await purger.PurgeAsync(code, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = code,
                Actor = actor,
                Operation = "authority.purged",
                EntityType = "authority",
                EntityKey = code,
                // The purge record outlives the data: it names the authority, never its contacts or cases.
                Before = StateJson.Serialize(new { existing.Code, existing.Name }),
                After = StateJson.Serialize(new { Deleted = counts }),
                At = clock.GetCurrentInstant(),
            },
            cancellationToken).ConfigureAwait(false);
        return counts;
    }

    // The audit form of a key: what it is and who issued it, never the key or its hash.
    private static string KeyAudit(ApiKeyRecord record) =>
        StateJson.Serialize(new { record.KeyId, record.Authority, record.CreatedBy, record.Label, record.Expires, record.LastUsedOn });

    private static bool CalendarInputsChanged(AuthorityRecord before, AuthorityRecord after) =>
        !before.ClosureDays.SequenceEqual(after.ClosureDays)
        || before.Parameters?.GetRawText() != after.Parameters?.GetRawText();
}

/// <summary>A newly issued key: shown once.</summary>
/// <param name="KeyId">The public key id, as logged, audited and used to revoke it.</param>
/// <param name="Key">The key itself: shown this once, never stored.</param>
/// <param name="Authority">The authority it is scoped to.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="Label">What it is for, when given.</param>
/// <param name="Expires">Its last day of use, when given.</param>
public sealed record IssuedKey(string KeyId, string Key, string Authority, Instant CreatedAt, string? Label, LocalDate? Expires);
