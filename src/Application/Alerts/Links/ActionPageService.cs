using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Alerts.Links;

/// <summary>
/// The action page's use cases: open a signed link, acknowledge its milestone, record the event that meets it. The
/// token is the authorisation: it is checked first (signature, expiry), then its recipient must still be a contact
/// of the authority or an assignee of the case (or, for a feed link, a key of the authority), and only then is
/// anything read. Actions go through the same services as the API, audited with the recipient as the actor.
/// </summary>
public sealed partial class ActionPageService(
    LinkSigner signer,
    AuthorityService authorities,
    ISubjectStore subjects,
    IApiKeyStore keys,
    EpisodeService episodes,
    CaseService cases,
    AcknowledgementService acknowledgements,
    IClock clock,
    ILogger<ActionPageService> logger)
{
    /// <summary>The page for a link.</summary>
    public async Task<ActionPageOutcome> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var opened = await LoadAsync(token, cancellationToken).ConfigureAwait(false);
        return (ActionPageOutcome?)opened.Refusal ?? new ActionPageShown(await PageAsync(opened.Target!, null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Acknowledges the link's milestone: <paramref name="reason"/> required, <paramref name="until"/> a yyyy-MM-dd date or empty.</summary>
    public async Task<ActionPageOutcome> AcknowledgeAsync(string token, string? reason, string? until, CancellationToken cancellationToken)
    {
        var opened = await LoadAsync(token, cancellationToken).ConfigureAwait(false);
        if (opened.Refusal is { } refused)
        {
            return refused;
        }

        var target = opened.Target!;
        var entered = new Dictionary<string, string>(StringComparer.Ordinal) { ["reason"] = reason ?? string.Empty, ["until"] = until ?? string.Empty };
        try
        {
            LocalDate? untilDate = null;
            if (!string.IsNullOrWhiteSpace(until))
            {
                var parsed = LocalDatePattern.Iso.Parse(until.Trim());
                untilDate = parsed.Success ? parsed.Value : throw new ValidationException("until", "must be a date in the form yyyy-MM-dd");
            }

            // A textarea sends its line breaks as CR LF; the reason is one line, as the API takes it.
            var oneLine = string.Join(' ', (reason ?? string.Empty).Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await acknowledgements.AcknowledgeMilestoneAsync(target.Link.Authority, target.Link.MilestoneKey, oneLine, untilDate, target.Recipient, cancellationToken)
                .ConfigureAwait(false);
            LogAcknowledged(logger, target.Link.Authority, target.Link.MilestoneKey);
            return new ActionPageShown(await PageAsync(target, null, cancellationToken).ConfigureAwait(false), ActionNotice.Acknowledged);
        }
        catch (NotFoundException)
        {
            return new ActionPageShown(await PageAsync(target, null, cancellationToken).ConfigureAwait(false), null, [new FieldError("milestone", "is met or closed: there is nothing to acknowledge")], entered);
        }
        catch (Exception ex) when (Refusals.FieldErrors(ex) is { } errors)
        {
            return new ActionPageShown(await PageAsync(target, null, cancellationToken).ConfigureAwait(false), null, errors, entered);
        }
    }

    /// <summary>
    /// Records the event that meets the link's milestone on <paramref name="date"/> (with <paramref name="choice"/>
    /// for events that need a second field), validated exactly as the API validates an event.
    /// </summary>
    public async Task<ActionPageOutcome> RecordDoneAsync(string token, string? date, string? choice, CancellationToken cancellationToken)
    {
        var opened = await LoadAsync(token, cancellationToken).ConfigureAwait(false);
        if (opened.Refusal is { } refused)
        {
            return refused;
        }

        var target = opened.Target!;
        var entered = new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = date ?? string.Empty, ["choice"] = choice ?? string.Empty };
        var before = await PageAsync(target, null, cancellationToken).ConfigureAwait(false);
        if (before.IsClosed || before.Meeting is not { } meeting)
        {
            return new ActionPageShown(before, null, [new FieldError("milestone", before.IsClosed ? "is already met or closed" : "is another body's step: nothing records it as done")], entered);
        }

        var body = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["id"] = EventId(target.Link.MilestoneKey, meeting.Type, date, choice),
            ["type"] = meeting.Type,
            ["date"] = date?.Trim() ?? string.Empty,
        };
        if (meeting.Choice is { } c)
        {
            body[c.Field] = choice?.Trim() ?? string.Empty;
        }

        if (meeting.IsCompletion)
        {
            body["milestone"] = target.Parts.WithinSubject;
        }

        try
        {
            var input = EventInput.Parse(JsonSerializer.SerializeToElement(body));
            var view = target.Parts.Kind == SubjectKind.Episode
                ? await episodes.RecordEventAsync(target.Link.Authority, target.Parts.SubjectId, input, target.Recipient, cancellationToken).ConfigureAwait(false)
                : await cases.RecordEventAsync(target.Link.Authority, target.Parts.SubjectId, input, target.Recipient, cancellationToken).ConfigureAwait(false);
            LogRecorded(logger, target.Link.Authority, target.Link.MilestoneKey, meeting.Type, view.Changed);
            var after = target with { Subject = view.Subject, Milestone = view.Milestones.FirstOrDefault(target.Parts.Matches) };
            return new ActionPageShown(await PageAsync(after, before.Milestone, cancellationToken).ConfigureAwait(false), view.Changed ? ActionNotice.RecordedAsDone : ActionNotice.AlreadyRecorded);
        }
        catch (Exception ex) when (Refusals.FieldErrors(ex) is { } errors)
        {
            return new ActionPageShown(before, null, errors, entered);
        }
    }

    private async Task<(Target? Target, ActionPageRefused? Refusal)> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var today = Today();
        var check = signer.Check(token, today);
        if (check.Link is not { } link)
        {
            LogRefused(logger, check.Refusal.ToString() ?? "NotValid");
            return (null, check.Refusal == LinkRefusal.Expired
                ? new ActionPageRefused(ActionPageRefusal.Expired, check.ExpiredOn)
                : new ActionPageRefused(ActionPageRefusal.NotValid));
        }

        AuthorityContext context;
        try
        {
            context = await authorities.ContextAsync(link.Authority, cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            return (null, new ActionPageRefused(ActionPageRefusal.Gone));
        }

        if (!MilestoneKeys.TryParse(link.MilestoneKey, out var parts)
            || await subjects.GetAsync(parts.Kind, link.Authority, parts.SubjectId, cancellationToken).ConfigureAwait(false) is not { } subject)
        {
            return (null, new ActionPageRefused(ActionPageRefusal.Gone));
        }

        var recipient = await RecipientAsync(link, context, subject, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            LogNotARecipient(logger, link.Authority, link.MilestoneKey);
            return (null, new ActionPageRefused(ActionPageRefusal.NotARecipient));
        }

        var milestone = SubjectCalculator.Compute(subject, context, today).FirstOrDefault(parts.Matches);
        return milestone is null
            ? (null, new ActionPageRefused(ActionPageRefusal.Gone))
            : (new Target(link, parts, context, subject, milestone, recipient, token), null);
    }

    // The recipient is carried as a keyed hash: find the address among those it can be (contacts of any role,
    // the case's assignees), then among the authority's feed keys. None: the contact was removed or the key revoked.
    private async Task<string?> RecipientAsync(ActionLink link, AuthorityContext context, SubjectRecord subject, CancellationToken cancellationToken)
    {
        var addresses = context.Authority.Contacts.Values.SelectMany(a => a).Concat(subject.Assignees.Values)
            .Select(a => a.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (signer.IsRecipient(link, address))
            {
                return address;
            }
        }

        var operatorFeed = ActionLinks.FeedRecipient(Caller.OperatorKeyId);
        if (signer.IsRecipient(link, operatorFeed))
        {
            return operatorFeed;
        }

        await foreach (var key in keys.ListAsync(link.Authority, cancellationToken).ConfigureAwait(false))
        {
            var feed = ActionLinks.FeedRecipient(key.KeyId);
            if (signer.IsRecipient(link, feed))
            {
                return feed;
            }
        }

        return null;
    }

    private async Task<ActionPage> PageAsync(Target target, Milestone? answered, CancellationToken cancellationToken)
    {
        var today = Today();
        var milestone = target.Milestone;
        var inCalendar = milestone is not null;
        milestone ??= answered ?? throw new InvalidOperationException("The milestone was checked when the link was opened.");
        var evaluator = target.Context.Evaluator;
        var group = evaluator.Policy.For(milestone.Group);
        var closed = !inCalendar || MilestoneClosure.IsClosed(milestone);
        var level = closed ? (AlertLevel?)null : evaluator.Schedule(milestone, today).LastOrDefault()?.Level;
        var acknowledgement = closed ? null : await acknowledgements.HoldingAsync(target.Link.Authority, target.Link.MilestoneKey, milestone, today, cancellationToken).ConfigureAwait(false);
        var audience = group.Primary.Select(r => Line(target, r, onEscalation: false, told: level is not null))
            .Concat(group.Escalation.Where(r => !group.Primary.Contains(r)).Select(r => Line(target, r, onEscalation: true, told: level == AlertLevel.Escalated)))
            .ToList();
        return new ActionPage
        {
            Token = target.Token,
            AuthorityCode = target.Link.Authority,
            AuthorityName = target.Context.Authority.Name,
            SubjectKind = target.Parts.Kind,
            SubjectReference = Scheduler.Domain.Alerts.Composition.SubjectReference.IsDisplayable(target.Parts.SubjectId) ? target.Parts.SubjectId : Scheduler.Domain.Alerts.Composition.SubjectReference.Withheld,
            MilestoneKey = target.Link.MilestoneKey,
            Milestone = milestone,
            InCalendar = inCalendar,
            Today = today,
            Status = Status(milestone, inCalendar, level, evaluator, today),
            LevelWord = level is { } l ? AlertWording.LevelWord(l) : null,
            Plain = AlertWording.Plain(milestone.Rule),
            Ask = AlertWording.Ask(milestone.Rule, level ?? AlertLevel.Upcoming),
            Source = milestone.Source,
            Audience = audience,
            EscalateAfterWorkingDays = group.EscalateAfterWorkingDays,
            Recipient = target.Recipient,
            Acknowledgement = acknowledgement,
            Meeting = closed ? null : MeetingEvents.For(milestone),
        };
    }

    private static AudienceLine Line(Target target, Scheduler.Domain.Rules.Role role, bool onEscalation, bool told) =>
        new(role, RoleNames.Of(role), target.Context.AddressesFor(role, target.Subject.Assignees), onEscalation, told);

    private static string Status(Milestone m, bool inCalendar, AlertLevel? level, EscalationEvaluator evaluator, LocalDate today)
    {
        if (!inCalendar)
        {
            return "Answered: it is no longer in the calendar";
        }

        var effective = AlertWording.Format(m.Effective);
        switch (m.Status)
        {
            case MilestoneStatus.Met:
                return m.Met is { } met ? $"Met on {AlertWording.Format(met)}" : "Met";
            case MilestoneStatus.MetLate:
                return m.Met is { } late ? $"Met late on {AlertWording.Format(late)} (was due {effective})" : $"Met late (was due {effective})";
            case MilestoneStatus.NotApplicable:
                return "Does not apply";
        }

        var calendar = evaluator.Calendar;
        var due = AlertSchedule.WorkingDue(m, calendar);
        var overdue = Math.Max(0, calendar.WorkingDaysBetween(due, today));
        var toDue = Math.Max(0, calendar.WorkingDaysBetween(today, due));
        return AlertWording.Status(level ?? (today < due ? AlertLevel.Upcoming : today == due ? AlertLevel.Due : AlertLevel.Overdue), m.Earliest, m.Due, m.Effective, overdue, toDue);
    }

    private LocalDate Today() => clock.InZone(SchedulerTime.London).GetCurrentDate();

    // The same link, event and date give the same id, so a form posted twice records the event once.
    private static string EventId(string milestoneKey, string type, string? date, string? choice) =>
        "link-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{milestoneKey}\n{type}\n{date?.Trim()}\n{choice?.Trim()}")))[..32];

    // The milestone as computed when the subject was read (null after an action took it out of the calendar).
    private sealed record Target(ActionLink Link, MilestoneKeyParts Parts, AuthorityContext Context, SubjectRecord Subject, Milestone? Milestone, string Recipient, string Token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action link refused: {Refusal}")]
    private static partial void LogRefused(ILogger logger, string refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action link for {Authority} {MilestoneKey} refused: its recipient is no longer a contact, assignee or key of the authority")]
    private static partial void LogNotARecipient(ILogger logger, string authority, string milestoneKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Milestone {Authority} {MilestoneKey} acknowledged from its action page")]
    private static partial void LogAcknowledged(ILogger logger, string authority, string milestoneKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Milestone {Authority} {MilestoneKey}: {EventType} recorded from its action page (changed: {Changed})")]
    private static partial void LogRecorded(ILogger logger, string authority, string milestoneKey, string eventType, bool changed);
}
