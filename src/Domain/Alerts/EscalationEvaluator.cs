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
/// <para><b>First sight.</b> When no alert has covered the milestone at its current due date yet
/// (<see cref="MilestoneAlertState.FirstSight"/>, or no watermark at all), the sweep produces its current state —
/// the latest trigger on or before today, with that trigger's nominal day and re-notify index, so its key is the
/// one the timeline gives — whatever the last evaluated day. An authority created with overdue work hears about
/// it on its first sweep; afterwards the normal cadence applies.</para>
/// <para>Nothing is produced on a non-working day; the next working-day sweep picks up what accrued (the sweep
/// must not advance its watermark on a non-working day: see <see cref="NextWatermark"/>).</para>
/// <para>Nothing is produced once the milestone is met or not applicable, nor while an acknowledgement made for it
/// at its current due date holds. Triggers that fell while it held are not lost: on the first working day after it
/// expires, the latest of them is released, and the cadence continues. Another body's step
/// (<see cref="Milestone.Informational"/>) gets the heads-up and due alerts only, never a chase.</para>
/// </remarks>
public sealed class EscalationEvaluator(EscalationPolicy policy, WorkingDayCalendar calendar)
{
    /// <summary>The policy in force (defaults merged with the authority's override).</summary>
    public EscalationPolicy Policy { get; } = policy;

    /// <summary>The calendar alerts are counted on.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>
    /// The alerts to send on <paramref name="today"/> for one milestone, given the last day a sweep completed
    /// (<paramref name="lastEvaluatedDay"/>; null if never, which, like <see cref="MilestoneAlertState.FirstSight"/>,
    /// produces the current state once).
    /// </summary>
    public IReadOnlyList<AlertCandidate> Evaluate(
        AlertSubject subject,
        Milestone milestone,
        LocalDate today,
        LocalDate? lastEvaluatedDay,
        MilestoneAlertState? state = null)
    {
        state ??= MilestoneAlertState.None;
        var firstSight = state.FirstSight || lastEvaluatedDay is null;
        if (!Calendar.IsWorkingDay(today) || MilestoneClosure.IsClosed(milestone) || (!firstSight && lastEvaluatedDay >= today))
        {
            return [];
        }

        List<Acknowledgement> acknowledgements = [];
        if (state.Acknowledgements.Count > 0)
        {
            // Most milestones have none; the key is built only when there is something to match it against.
            var key = MilestoneKeys.For(subject, milestone);
            acknowledgements = [.. state.Acknowledgements.Where(a => a.AppliesTo(key, milestone))];
        }

        if (acknowledgements.Any(a => a.Covers(today)))
        {
            // While an acknowledgement holds, no chaser or escalation goes to anyone.
            return [];
        }

        var group = Policy.For(milestone.Group);
        var timeline = Timeline(milestone, group, today, state);
        var trigger = firstSight
            ? Current(milestone, timeline)
            : Releases(timeline, acknowledgements, today)
                .Where(r => r.ReleaseDay > lastEvaluatedDay!.Value)
                .Where(r => Allowed(milestone, r.Trigger))
                .OrderBy(r => r.Trigger.Day)
                .ThenBy(r => r.ReleaseDay)
                .LastOrDefault()?.Trigger;
        if (trigger is null)
        {
            return [];
        }

        var due = AlertSchedule.WorkingDue(milestone, Calendar);
        var daysOverdue = Math.Max(0, Calendar.WorkingDaysBetween(due, today));
        var daysToDue = Math.Max(0, Calendar.WorkingDaysBetween(today, due));
        return [.. group.AudienceFor(trigger.Level).Select(role => new AlertCandidate
        {
            SubjectKind = subject.Kind,
            AuthorityCode = subject.AuthorityCode,
            SubjectId = subject.SubjectId,
            Rule = milestone.Rule,
            Sequence = milestone.Sequence,
            Cycle = milestone.Cycle,
            Step = milestone.Step,
            Title = milestone.Title,
            Group = milestone.Group,
            Earliest = milestone.Earliest,
            Due = milestone.Due,
            Effective = milestone.Effective,
            Level = trigger.Level,
            Renotify = trigger.Renotify,
            TriggerDay = trigger.Day,
            RecipientRole = role,
            DaysOverdue = daysOverdue,
            WorkingDaysToDue = daysToDue,
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

    // Another body's step (Ofsted's, say) that nobody records as done gets a heads-up, never a chase.
    private static bool Allowed(Milestone milestone, AlertTrigger trigger) =>
        !milestone.Informational || trigger.Level < AlertLevel.Overdue;

    // The current state: the latest trigger on or before today. If that is a chase of another body's step, the
    // step is history, not a slip, and nothing is said (an earlier "due" would be stale news).
    private static AlertTrigger? Current(Milestone milestone, List<AlertTrigger> timeline) =>
        timeline.LastOrDefault() is { } latest && Allowed(milestone, latest) ? latest : null;

    private List<AlertTrigger> Timeline(Milestone milestone, GroupPolicy group, LocalDate today, MilestoneAlertState state)
    {
        IEnumerable<AlertTrigger> triggers = AlertSchedule.Build(milestone, group, Calendar, today);
        if (milestone.Earliest is not null && state.AgreedDate is not null)
        {
            // A date agreed within the window answers the window alerts; due and overdue still apply.
            triggers = triggers.Where(t => t.Level is not (AlertLevel.WindowOpen or AlertLevel.Upcoming));
        }

        return [.. triggers];
    }

    private IEnumerable<Release> Releases(List<AlertTrigger> timeline, List<Acknowledgement> acknowledgements, LocalDate today)
    {
        bool Held(LocalDate day) => acknowledgements.Any(a => a.Covers(day));

        foreach (var trigger in timeline.Where(t => !Held(t.Day)))
        {
            yield return new Release(trigger.Day, trigger);
        }

        foreach (var ack in acknowledgements)
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
