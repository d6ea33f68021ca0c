using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Alerts;

/// <summary>
/// Acknowledgements of milestones: stored by authority and milestone key for the sweep (which then sends nothing
/// for the milestone to anyone while one holds) and for the views that show who acknowledged; every one audited.
/// </summary>
public sealed class AcknowledgementService(
    AuthorityService authorities, ISubjectStore subjects, IAcknowledgementStore store, IAuditLog audit, IClock clock)
{
    /// <summary>The longest reason accepted.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>
    /// Stores (or renews: acknowledging again replaces it) the acknowledgement of an open milestone, made against its
    /// current due date. <see cref="NotFoundException"/> for an unknown authority or a milestone that does not exist
    /// or is closed (met or not applicable); <see cref="ValidationException"/> naming <c>reason</c> or <c>until</c>.
    /// </summary>
    /// <param name="authority">The authority code.</param>
    /// <param name="milestoneKey">The milestone, as <see cref="MilestoneKeys"/> writes it.</param>
    /// <param name="reason">Why (required; free text, never put in an email).</param>
    /// <param name="until">The last day it holds (today or later), or null to hold until the milestone is met or its date changes.</param>
    /// <param name="actor">An API key id, or the recipient's address when acknowledged from an alert's page.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<AcknowledgementRecord> AcknowledgeMilestoneAsync(
        string authority, string milestoneKey, string reason, LocalDate? until, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var text = reason?.Trim() ?? string.Empty;
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var errors = new List<FieldError>();
        if (text.Length == 0)
        {
            errors.Add(new FieldError("reason", "is required: say why the milestone is in hand"));
        }
        else if (text.Length > MaxReasonLength)
        {
            errors.Add(new FieldError("reason", $"is longer than {MaxReasonLength} characters"));
        }
        else if (TextRules.Problem(text) is { } problem)
        {
            // The action page's form does not pass through the JSON reader, which applies these rules to the API's input.
            errors.Add(new FieldError("reason", problem));
        }

        if (until is { } u && u < today)
        {
            errors.Add(new FieldError("until", "is in the past"));
        }

        // The input is checked before anything is read: a malformed request is a 400 whatever milestone it names.
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        KeyParts.CheckAlertOrMilestoneKey(milestoneKey, "milestoneKey");
        var milestone = await OpenMilestoneAsync(authority, milestoneKey, today, cancellationToken).ConfigureAwait(false);

        var before = await store.GetAsync(authority, milestoneKey, cancellationToken).ConfigureAwait(false);
        var record = new AcknowledgementRecord(authority, milestoneKey, actor, text, today, until, milestone.Due, clock.GetCurrentInstant());
        await store.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
        await audit.AppendAsync(
            new AuditEntry
            {
                Authority = authority,
                Actor = actor,
                Operation = "milestone.acknowledged",
                EntityType = "acknowledgement",
                EntityKey = milestoneKey,
                Before = before is null ? null : StateJson.Serialize(before),
                After = StateJson.Serialize(record),
                At = record.At,
            },
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>
    /// The acknowledgement holding <paramref name="milestoneKey"/> today (made against its current due date, the
    /// milestone still open, today in its period), or null. <see cref="NotFoundException"/> only for an unknown authority.
    /// </summary>
    public async Task<AcknowledgementRecord?> ForMilestoneAsync(string authority, string milestoneKey, CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        if (!MilestoneKeys.TryParse(milestoneKey, out var parts)
            || await subjects.GetAsync(parts.Kind, authority, parts.SubjectId, cancellationToken).ConfigureAwait(false) is not { } subject)
        {
            return null;
        }

        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var milestone = SubjectCalculator.Compute(subject, context, today).FirstOrDefault(parts.Matches);
        if (milestone is null)
        {
            return null;
        }

        return await HoldingAsync(authority, milestoneKey, milestone, today, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The acknowledgement holding <paramref name="milestone"/> (already computed by the caller, of an authority it
    /// has already read) on <paramref name="today"/>, or null.
    /// </summary>
    public async Task<AcknowledgementRecord?> HoldingAsync(string authority, string milestoneKey, Milestone milestone, LocalDate today, CancellationToken cancellationToken)
    {
        var held = await ReadAllAsync(authority, cancellationToken).ConfigureAwait(false);
        return Holding(held.Where(a => a.MilestoneKey == milestoneKey), milestoneKey, milestone, today);
    }

    /// <summary>The authority's acknowledgements (rows of earlier versions mapped to their milestone); 404 when the authority is unknown.</summary>
    public async Task<IReadOnlyList<AcknowledgementRecord>> ListAsync(string authority, CancellationToken cancellationToken)
    {
        await authorities.GetAsync(authority, cancellationToken).ConfigureAwait(false);
        return await ReadAllAsync(authority, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The authority's acknowledgements for views on London today; 404 when the authority is unknown.</summary>
    public async Task<AcknowledgementLookup> LookupAsync(string authority, CancellationToken cancellationToken) =>
        new(await ListAsync(authority, cancellationToken).ConfigureAwait(false), clock.InZone(SchedulerTime.London).GetCurrentDate());

    /// <summary>
    /// As <see cref="LookupAsync"/>, for a caller that has just read the authority (a subject's view, a work list):
    /// the authority is not read again.
    /// </summary>
    public async Task<AcknowledgementLookup> LookupKnownAsync(string authority, CancellationToken cancellationToken) =>
        new(await ReadAllAsync(authority, cancellationToken).ConfigureAwait(false), clock.InZone(SchedulerTime.London).GetCurrentDate());

    private async Task<List<AcknowledgementRecord>> ReadAllAsync(string authority, CancellationToken cancellationToken)
    {
        var list = new List<AcknowledgementRecord>();
        await foreach (var a in store.ListAsync(authority, cancellationToken).ConfigureAwait(false))
        {
            list.Add(a);
        }

        return list;
    }

    /// <summary>
    /// The milestone an alert key names, for the deprecated <c>POST …/alerts/{key}/acknowledge</c> route:
    /// <see cref="NotFoundException"/> when the key is not an alert key of <paramref name="authority"/>.
    /// </summary>
    public static string MilestoneKeyOfAlert(string authority, string alertKey) =>
        KeyParts.CheckAlertOrMilestoneKey(alertKey, "key") is var _ && LegacyAlertKeys.TryParse(authority, alertKey, out var milestoneKey, out _)
            ? milestoneKey
            : throw new NotFoundException($"An open milestone for alert '{alertKey}' of authority '{authority}'");

    /// <summary>The most recent of <paramref name="acknowledgements"/> holding the milestone on <paramref name="day"/>, or null.</summary>
    public static AcknowledgementRecord? Holding(IEnumerable<AcknowledgementRecord> acknowledgements, string milestoneKey, Milestone milestone, LocalDate day)
    {
        var list = acknowledgements.ToList();
        var holding = Acknowledgement.Holding(list.Select(a => a.ToDomain()), milestoneKey, milestone, day);
        return holding is null ? null : list.Last(a => a.ToDomain() == holding);
    }

    private async Task<Milestone> OpenMilestoneAsync(string authority, string milestoneKey, LocalDate today, CancellationToken cancellationToken)
    {
        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var missing = new NotFoundException($"Open milestone '{milestoneKey}' of authority '{authority}'");
        if (!MilestoneKeys.TryParse(milestoneKey, out var parts))
        {
            throw missing;
        }

        var subject = await subjects.GetAsync(parts.Kind, authority, parts.SubjectId, cancellationToken).ConfigureAwait(false) ?? throw missing;
        var milestone = SubjectCalculator.Compute(subject, context, today).FirstOrDefault(parts.Matches);
        return milestone is null || MilestoneClosure.IsClosed(milestone) ? throw missing : milestone;
    }
}
