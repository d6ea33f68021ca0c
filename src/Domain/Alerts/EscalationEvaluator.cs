using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// Decides which alerts a sweep sends for one milestone. Pure: the same inputs always give the same candidates.
/// </summary>
/// <remarks>
/// <para>A sweep on <c>today</c> covers every trigger released in <c>(lastEvaluatedDay, today]</c>, so a missed
/// or failed run loses nothing. Of those, only the latest — the current, most severe state — is produced, once per
/// recipient role: a recipient who missed "upcoming" and "due" during an outage gets "overdue" once, not three
/// stale notices. Escalation roles only ever receive the escalated level.</para>
/// <para>Nothing is produced on a non-working day; the next working-day sweep picks up what accrued (the sweep
/// must not advance its watermark on a non-working day: see <see cref="NextWatermark"/>).</para>
/// <para>Nothing is produced once the milestone is met or not applicable. An acknowledgement holds back every
/// trigger from its day to its expiry; on the first working day after the expiry, the latest trigger it held back
/// is released, and the cadence continues.</para>
/// </remarks>
public sealed class EscalationEvaluator(EscalationPolicy policy, WorkingDayCalendar calendar)
{
    /// <summary>The policy in force (defaults merged with the authority's override).</summary>
    public EscalationPolicy Policy { get; } = policy;

    /// <summary>The calendar alerts are counted on.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>
    /// The alerts to send on <paramref name="today"/> for one milestone, given the last day a sweep completed
    /// (<paramref name="lastEvaluatedDay"/>; null if never, which produces the current state once).
    /// </summary>
    public IReadOnlyList<AlertCandidate> Evaluate(
        AlertSubject subject,
        Milestone milestone,
        LocalDate today,
        LocalDate? lastEvaluatedDay,
        MilestoneAlertState? state = null)
    {
        if (!Calendar.IsWorkingDay(today) || IsClosed(milestone) || lastEvaluatedDay >= today)
        {
            return [];
        }

        state ??= MilestoneAlertState.None;
        var group = Policy.For(milestone.Group);
        var release = Releases(milestone, group, today, state)
            .Where(r => lastEvaluatedDay is null || r.ReleaseDay > lastEvaluatedDay.Value)
            // Another body's step (Ofsted's, say) that nobody records as done gets a heads-up, never a chase.
            .Where(r => !milestone.Informational || r.Trigger.Level < AlertLevel.Overdue)
            .OrderBy(r => r.Trigger.Day)
            .ThenBy(r => r.ReleaseDay)
            .LastOrDefault();
        if (release is null)
        {
            return [];
        }

        var due = AlertSchedule.WorkingDue(milestone, Calendar);
        var daysOverdue = Math.Max(0, Calendar.WorkingDaysBetween(due, today));
        return [.. group.AudienceFor(release.Trigger.Level).Select(role => new AlertCandidate
        {
            SubjectKind = subject.Kind,
            AuthorityCode = subject.AuthorityCode,
            SubjectId = subject.SubjectId,
            Rule = milestone.Rule,
            Sequence = milestone.Sequence,
            Title = milestone.Title,
            Group = milestone.Group,
            Earliest = milestone.Earliest,
            Due = milestone.Due,
            Effective = milestone.Effective,
            Level = release.Trigger.Level,
            Renotify = release.Trigger.Renotify,
            TriggerDay = release.Trigger.Day,
            RecipientRole = role,
            DaysOverdue = daysOverdue,
        })];
    }

    /// <summary>Same as <see cref="Evaluate"/> over the range (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>].</summary>
    public IReadOnlyList<AlertCandidate> EvaluateRange(
        AlertSubject subject,
        Milestone milestone,
        LocalDate fromExclusive,
        LocalDate toInclusive,
        MilestoneAlertState? state = null) =>
        Evaluate(subject, milestone, toInclusive, fromExclusive, state);

    /// <summary>
    /// The watermark a sweep should store after evaluating <paramref name="today"/>: today if it is a working day,
    /// else the previous watermark, so that a weekend or bank-holiday run never swallows what accrued.
    /// </summary>
    public LocalDate? NextWatermark(LocalDate? lastEvaluatedDay, LocalDate today) =>
        Calendar.IsWorkingDay(today) && (lastEvaluatedDay is null || today > lastEvaluatedDay.Value) ? today : lastEvaluatedDay;

    /// <summary>The nominal timeline of a milestone through <paramref name="through"/> (for worklists and previews).</summary>
    public IReadOnlyList<AlertTrigger> Schedule(Milestone milestone, LocalDate through) =>
        AlertSchedule.Build(milestone, Policy.For(milestone.Group), Calendar, through);

    private static bool IsClosed(Milestone milestone) =>
        milestone.Met is not null
        || milestone.Status is MilestoneStatus.Met or MilestoneStatus.MetLate or MilestoneStatus.NotApplicable;

    private IEnumerable<Release> Releases(Milestone milestone, GroupPolicy group, LocalDate today, MilestoneAlertState state)
    {
        IEnumerable<AlertTrigger> triggers = AlertSchedule.Build(milestone, group, Calendar, today);
        if (milestone.Earliest is not null && state.AgreedDate is not null)
        {
            // A date agreed within the window answers the window alerts; due and overdue still apply.
            triggers = triggers.Where(t => t.Level is not (AlertLevel.WindowOpen or AlertLevel.Upcoming));
        }

        var timeline = triggers.ToList();
        var acks = state.Acknowledgements;
        bool Held(LocalDate day) => acks.Any(a => a.Covers(day));

        foreach (var trigger in timeline.Where(t => !Held(t.Day)))
        {
            yield return new Release(trigger.Day, trigger);
        }

        foreach (var ack in acks)
        {
            if (ack.Until is not { } until || until >= today)
            {
                continue;
            }

            var resume = Calendar.NextWorkingDayOnOrAfter(until.PlusDays(1));
            if (resume > today || Held(resume))
            {
                continue;
            }

            // The current state at resumption, if this acknowledgement held it back, goes out on the resume day.
            var latest = timeline.LastOrDefault(t => t.Day <= resume);
            if (latest is not null && latest.Day < resume && ack.Covers(latest.Day))
            {
                yield return new Release(resume, latest);
            }
        }
    }

    private sealed record Release(LocalDate ReleaseDay, AlertTrigger Trigger);
}
