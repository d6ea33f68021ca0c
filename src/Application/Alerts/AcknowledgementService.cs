using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Alerts;

/// <summary>Acknowledgements of alerts: <c>{"reason":"…","expires"?:"yyyy-MM-dd"}</c>, stored for the sweep and audited.</summary>
public sealed partial class AcknowledgementService(AuthorityService authorities, ISubjectStore subjects, IAcknowledgementStore store, IAuditLog audit, IClock clock)
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

    /// <summary>
    /// Acknowledges a milestone (not one recipient's alert): <paramref name="reason"/> required, <paramref name="until"/>
    /// optional and not in the past. <see cref="NotFoundException"/> for a milestone that does not exist or is closed.
    /// </summary>
    /// <remarks>
    /// The action page's stand-in until the sweep's milestone acknowledgements land: it stores the acknowledgement
    /// under the milestone's alert-key prefix at its current due date, which is what the sweep matches today.
    /// </remarks>
    public async Task<AcknowledgementRecord> AcknowledgeMilestoneAsync(
        string authority, string milestoneKey, string reason, LocalDate? until, string actor, CancellationToken cancellationToken)
    {
        var (parts, milestone) = await OpenMilestoneAsync(authority, milestoneKey, cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException($"Milestone '{milestoneKey}' of authority '{authority}' (it does not exist or is closed)");
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            throw new ValidationException("reason", "is required");
        }

        if (TextRules.Problem(text) is { } problem)
        {
            throw new ValidationException("reason", problem);
        }

        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        if (until is { } u && u < today)
        {
            throw new ValidationException("until", "is in the past");
        }

        var key = StorageKey(authority, parts, milestone);
        var before = await store.GetAsync(authority, key, cancellationToken).ConfigureAwait(false);
        var record = new AcknowledgementRecord(authority, key, actor, text, today, until, clock.GetCurrentInstant());
        await store.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = authority,
                Actor = actor,
                Operation = "milestone.acknowledged",
                EntityType = "milestone",
                EntityKey = milestoneKey,
                Before = before is null ? null : StateJson.Serialize(before),
                After = StateJson.Serialize(record),
                At = record.At,
            },
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The acknowledgement holding the milestone today, or null (none, lapsed, or the milestone closed).</summary>
    public async Task<AcknowledgementRecord?> ForMilestoneAsync(string authority, string milestoneKey, CancellationToken cancellationToken)
    {
        if (await OpenMilestoneAsync(authority, milestoneKey, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var (parts, milestone) = found;

        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var record = await store.GetAsync(authority, StorageKey(authority, parts, milestone), cancellationToken).ConfigureAwait(false);
        return record is not null && (record.Expires is null || record.Expires >= today) ? record : null;
    }

    // The alert key's first six components (subject, rule, sequence, due date): what the sweep matches acknowledgements by.
    private static string StorageKey(string authority, MilestoneKeyParts parts, Milestone milestone) =>
        string.Join('.', new[]
        {
            parts.Kind == SubjectKind.Episode ? "episode" : "case",
            authority,
            parts.SubjectId,
            milestone.Rule,
            milestone.Sequence.ToString(CultureInfo.InvariantCulture),
            milestone.Due.ToString("uuuuMMdd", CultureInfo.InvariantCulture),
        }.Select(AlertKey.Escape));

    private async Task<(MilestoneKeyParts Parts, Milestone Milestone)?> OpenMilestoneAsync(string authority, string milestoneKey, CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        if (!MilestoneKeys.TryParse(milestoneKey, out var parts))
        {
            return null;
        }

        var subject = await subjects.GetAsync(parts.Kind, authority, parts.SubjectId, cancellationToken).ConfigureAwait(false);
        if (subject is null)
        {
            return null;
        }

        var milestone = SubjectCalculator.Compute(subject, context, clock.InZone(SchedulerTime.London).GetCurrentDate()).FirstOrDefault(parts.Matches);
        return milestone is null || MilestoneClosure.IsClosed(milestone) ? null : (parts, milestone);
    }

    [GeneratedRegex("^[A-Za-z0-9_.~-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertKeyPattern();
}
