using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// The nominal alert timeline of one milestone under one group policy, every trigger on a working day:
/// window open (first working day of the window) · upcoming (lead working days before the effective date) · due
/// (the effective date) · overdue (the next working day, repeated every cadence until escalation) · escalated (N
/// working days overdue, repeated every cadence). It ignores whether the milestone is met or acknowledged.
/// </summary>
public static class AlertSchedule
{
    /// <summary>The triggers on or before <paramref name="through"/>, in day order (one trigger per day at most).</summary>
    public static IReadOnlyList<AlertTrigger> Build(Milestone milestone, GroupPolicy policy, WorkingDayCalendar calendar, LocalDate through)
    {
        var triggers = new List<AlertTrigger>();
        var due = calendar.IsWorkingDay(milestone.Effective)
            ? milestone.Effective
            : calendar.PreviousWorkingDayOnOrBefore(milestone.Effective);

        LocalDate? open = milestone.Earliest is { } earliest ? calendar.NextWorkingDayOnOrAfter(earliest) : null;
        if (open >= due)
        {
            // A window that opens on its last working day is just a deadline.
            open = null;
        }

        if (open is { } openDay)
        {
            Add(triggers, openDay, AlertLevel.WindowOpen, 0, through);
        }

        if (policy.LeadWorkingDays > 0 && TryAdd(calendar, due, -policy.LeadWorkingDays, out var upcoming)
            && (open is null || upcoming > open))
        {
            // For a window, a lead falling on or before the opening day is covered by the window-open alert.
            Add(triggers, upcoming, AlertLevel.Upcoming, 0, through);
        }

        Add(triggers, due, AlertLevel.Due, 0, through);

        var escalateAfter = policy.EscalateAfterWorkingDays;
        var cadence = policy.RenotifyEveryWorkingDays;
        for (int n = 1, index = 0; n < escalateAfter; n += cadence, index++)
        {
            if (!TryAdd(calendar, due, n, out var day) || !Add(triggers, day, AlertLevel.Overdue, index, through))
            {
                return triggers;
            }
        }

        for (int n = escalateAfter, index = 0; ; n += cadence, index++)
        {
            if (!TryAdd(calendar, due, n, out var day) || !Add(triggers, day, AlertLevel.Escalated, index, through))
            {
                return triggers;
            }
        }
    }

    /// <summary>The effective due date as a working day of <paramref name="calendar"/> (a local closure can move it earlier).</summary>
    public static LocalDate WorkingDue(Milestone milestone, WorkingDayCalendar calendar) =>
        calendar.IsWorkingDay(milestone.Effective) ? milestone.Effective : calendar.PreviousWorkingDayOnOrBefore(milestone.Effective);

    private static bool Add(List<AlertTrigger> triggers, LocalDate day, AlertLevel level, int renotify, LocalDate through)
    {
        if (day > through)
        {
            return false;
        }

        triggers.Add(new AlertTrigger(day, level, renotify));
        return true;
    }

    private static bool TryAdd(WorkingDayCalendar calendar, LocalDate date, int days, out LocalDate result)
    {
        try
        {
            result = calendar.AddWorkingDays(date, days);
            return true;
        }
        catch (CalendarRangeException)
        {
            // Beyond the calendar's range nothing can be scheduled; the timeline simply ends there.
            result = default;
            return false;
        }
    }
}
