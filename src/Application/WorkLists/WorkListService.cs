using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.WorkLists;

/// <summary>
/// Work lists from the materialised milestones of an authority's episodes and cases (two partition reads): what is
/// overdue and what falls due within the next N working days of the statutory calendar, per authority or per
/// assignee. Each item carries its milestone key and the acknowledgement holding it, if any: acknowledging
/// silences alerts, never the work list.
/// </summary>
public sealed class WorkListService(AuthorityService authorities, ISubjectStore subjects, AcknowledgementService acknowledgements, IClock clock)
{
    /// <summary>The largest look-ahead accepted, in working days.</summary>
    public const int MaxDays = 260;

    /// <summary>The work list; <paramref name="assignee"/> (an email) narrows it to milestones whose audience includes that person.</summary>
    public async Task<WorkList> GetAsync(string authority, int days, string? assignee, CancellationToken cancellationToken)
    {
        if (days is < 0 or > MaxDays)
        {
            throw new ValidationException("days", $"must be between 0 and {MaxDays} working days");
        }

        if (assignee is not null && !Contacts.IsEmail(assignee))
        {
            throw new ValidationException("assignee", "must be an email address");
        }

        var context = await authorities.ContextAsync(authority, cancellationToken).ConfigureAwait(false);
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var calendar = context.Statutory;
        var through = calendar.AddWorkingDays(today, days);
        var acks = await acknowledgements.LookupKnownAsync(authority, cancellationToken).ConfigureAwait(false);
        var overdue = new List<WorkItem>();
        var due = new List<WorkItem>();
        foreach (var kind in new[] { SubjectKind.Episode, SubjectKind.Case })
        {
            await foreach (var subject in subjects.ListAsync(kind, authority, cancellationToken).ConfigureAwait(false))
            {
                foreach (var m in subject.Milestones.Where(m => m.IsOpen && m.Effective <= through))
                {
                    var overdueItem = m.Effective < today;
                    if (overdueItem && m.Informational)
                    {
                        // Another body's step whose date has passed is history, not something to chase.
                        continue;
                    }

                    var recipients = Recipients(subject, m.Audience, context.Authority);
                    if (assignee is not null && !recipients.Contains(assignee, StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var milestoneKey = Scheduler.Domain.Alerts.MilestoneKeys.For(kind, subject.Id, m.Rule, m.Cycle, m.Sequence, m.Step);
                    var held = acks.Holding(milestoneKey, m);
                    var item = new WorkItem
                    {
                        SubjectKind = kind.Name(),
                        SubjectId = subject.Id,
                        Rule = m.Rule,
                        Sequence = m.Sequence,
                        Cycle = m.Cycle,
                        Step = m.Step,
                        Key = m.Key,
                        MilestoneKey = milestoneKey,
                        Title = m.Title,
                        Group = m.Group,
                        Earliest = m.Earliest,
                        Due = m.Due,
                        Effective = m.Effective,
                        WorkingDays = overdueItem ? -calendar.WorkingDaysBetween(m.Effective, today) : calendar.WorkingDaysBetween(today, m.Effective),
                        Audience = m.Audience,
                        Recipients = recipients,
                        Acknowledgement = held is null ? null : AcknowledgementView.From(held),
                    };
                    (overdueItem ? overdue : due).Add(item);
                }
            }
        }

        return new WorkList(authority, today, days, through, assignee, Order(overdue), Order(due));
    }

    private static List<WorkItem> Order(List<WorkItem> items) =>
        [.. items.OrderBy(i => i.Effective).ThenBy(i => i.SubjectKind, StringComparer.Ordinal).ThenBy(i => i.SubjectId, StringComparer.Ordinal).ThenBy(i => i.Key, StringComparer.Ordinal)];

    private static IReadOnlyList<string> Recipients(SubjectRecord subject, IReadOnlyList<Role> audience, AuthorityRecord authority)
    {
        var result = new List<string>();
        foreach (var role in audience)
        {
            if (subject.Kind == SubjectKind.Case && subject.Assignees.TryGetValue(role, out var assigned))
            {
                result.Add(assigned);
            }
            else if (authority.Contacts.TryGetValue(role, out var contacts))
            {
                result.AddRange(contacts);
            }
        }

        return [.. result.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
