using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;

namespace Scheduler.Application.Alerts;

/// <summary>Acknowledgements of alerts: <c>{"reason":"…","expires"?:"yyyy-MM-dd"}</c>, stored for the sweep and audited.</summary>
public sealed partial class AcknowledgementService(AuthorityService authorities, IAcknowledgementStore store, IAuditLog audit, IClock clock)
{
    /// <summary>Stores (or renews) the acknowledgement of <paramref name="alertKey"/>.</summary>
    public Task<AcknowledgementRecord> AcknowledgeAsync(string authority, string alertKey, JsonElement body, string actor, CancellationToken cancellationToken) =>
        AcknowledgeAsync(authority, alertKey, AcknowledgeRequest.Parse(body), actor, cancellationToken);

    /// <summary>Stores (or renews) the acknowledgement of <paramref name="alertKey"/> from a parsed body.</summary>
    public async Task<AcknowledgementRecord> AcknowledgeAsync(string authority, string alertKey, AcknowledgeRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AlertKeyPattern().IsMatch(alertKey))
        {
            throw new ValidationException("key", "is not an alert key (letters, digits, '_', '-', '.', '~'; at most 255 characters)");
        }

        await authorities.GetAsync(authority, cancellationToken).ConfigureAwait(false);
        var reason = request.Reason;
        var expires = request.Expires;
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        if (expires is { } e && e < today)
        {
            throw new ValidationException("expires", "is in the past");
        }

        var before = await store.GetAsync(authority, alertKey, cancellationToken).ConfigureAwait(false);
        var record = new AcknowledgementRecord(authority, alertKey, actor, reason, today, expires, clock.GetCurrentInstant());
        await store.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = authority,
                Actor = actor,
                Operation = "alert.acknowledged",
                EntityType = "acknowledgement",
                EntityKey = alertKey,
                Before = before is null ? null : StateJson.Serialize(before),
                After = StateJson.Serialize(record),
                At = record.At,
            },
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The authority's acknowledgements; 404 when the authority is unknown.</summary>
    public async Task<IReadOnlyList<AcknowledgementRecord>> ListAsync(string authority, CancellationToken cancellationToken)
    {
        await authorities.GetAsync(authority, cancellationToken).ConfigureAwait(false);
        var list = new List<AcknowledgementRecord>();
        await foreach (var a in store.ListAsync(authority, cancellationToken).ConfigureAwait(false))
        {
            list.Add(a);
        }

        return list;
    }

    [GeneratedRegex("^[A-Za-z0-9_.~-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertKeyPattern();
}
