using System.Text.Json;
using NodaTime;
using Scheduler.Domain.Alerts;

namespace Scheduler.Application.Authorities;

/// <summary>Authorities: profile, contacts, local parameters, closure days, escalation policy override; keys and purge (operator).</summary>
public sealed class AuthorityService(
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
    /// Creates or replaces an authority's profile from a PUT body. When its parameters or closure days change,
    /// every episode and case is recomputed so stored milestones and the due index follow.
    /// </summary>
    public async Task<(AuthorityRecord Authority, bool Created)> PutAsync(string code, JsonElement body, string actor, CancellationToken cancellationToken)
    {
        var r = new StrictObject(body);
        var name = r.RequiredString("name", 200);
        var contacts = Contacts.ParseAuthority(r.OptionalObject("contacts"));
        AuthorityLimits.Check("contacts", StateJson.Serialize(contacts.ToDictionary(p => p.Key.ToString(), p => p.Value)));
        var parametersJson = r.Raw("parameters") is { } rawParameters ? AuthorityLimits.Compact(rawParameters) : (JsonElement?)null;
        AuthorityParametersJson.Parse(parametersJson);
        if (parametersJson is { } parameters)
        {
            AuthorityLimits.Check("parameters", parameters.GetRawText());
        }

        var closures = r.OptionalArray("closure_days", 1000).Select((e, i) => StrictObject.Date(e, $"closure_days[{i}]")).Distinct().Order().ToList();
        var policy = r.Raw("escalation_policy");
        if (policy is { ValueKind: not JsonValueKind.Object })
        {
            throw new ValidationException("escalation_policy", "must be a JSON object");
        }

        policy = policy is { } rawPolicy ? AuthorityLimits.Compact(rawPolicy) : null;
        if (policy is { } compactPolicy)
        {
            AuthorityLimits.Check("escalation_policy", compactPolicy.GetRawText());
        }

        if (policy is { } overrideJson)
        {
            // Checked here, not only at sweep time, so a bad override is refused instead of silently ignored.
            try
            {
                EscalationPolicyJson.Parse(overrideJson.GetRawText());
            }
            catch (EscalationPolicyException ex)
            {
                throw new ValidationException($"escalation_policy.{ex.Field}", ex.Problem);
            }
        }

        r.RejectUnknown("name, contacts, parameters, closure_days, escalation_policy");

        for (var attempt = 1; ; attempt++)
        {
            var existing = await authorities.GetAsync(code, cancellationToken).ConfigureAwait(false);
            var now = clock.GetCurrentInstant();
            var record = new AuthorityRecord
            {
                Code = code,
                Name = name,
                Contacts = contacts,
                Parameters = parametersJson?.Clone(),
                ClosureDays = closures,
                EscalationPolicy = policy?.Clone(),
                Version = (existing?.Version ?? 0) + 1,
                CreatedAt = existing?.CreatedAt ?? now,
                UpdatedAt = now,
                ETag = existing?.ETag ?? default,
            };
            try
            {
                var stored = await authorities.SaveAsync(record, cancellationToken).ConfigureAwait(false);
                await audit.AppendAsync(
                    new AuditEntry
                    {
                        Authority = code,
                        Actor = actor,
                        Operation = existing is null ? "authority.created" : "authority.updated",
                        EntityType = "authority",
                        EntityKey = code,
                        Before = existing is null ? null : AuthorityAudit.Change(existing, stored).Before,
                        After = existing is null ? AuthorityAudit.Json(stored) : AuthorityAudit.Change(existing, stored).After,
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

    /// <summary>Issues an authority-scoped key; the key is returned once and only its SHA-256 is stored.</summary>
    public async Task<IssuedKey> IssueKeyAsync(string code, string actor, CancellationToken cancellationToken)
    {
        await GetAsync(code, cancellationToken).ConfigureAwait(false);
        var key = ApiKeyHasher.NewKey(code);
        var record = new ApiKeyRecord(ApiKeyHasher.NewKeyId(), ApiKeyHasher.Hash(key), code, clock.GetCurrentInstant(), actor);
        await keys.AddAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = code,
                Actor = actor,
                Operation = "api-key.issued",
                EntityType = "api-key",
                EntityKey = record.KeyId,
                After = StateJson.Serialize(new { record.KeyId, record.Authority, record.CreatedBy }),
                At = record.CreatedAt,
            },
            cancellationToken).ConfigureAwait(false);
        return new IssuedKey(record.KeyId, key, code, record.CreatedAt);
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

    private static bool CalendarInputsChanged(AuthorityRecord before, AuthorityRecord after) =>
        !before.ClosureDays.SequenceEqual(after.ClosureDays)
        || before.Parameters?.GetRawText() != after.Parameters?.GetRawText();
}

/// <summary>A newly issued key: shown once.</summary>
public sealed record IssuedKey(string KeyId, string Key, string Authority, Instant CreatedAt);
