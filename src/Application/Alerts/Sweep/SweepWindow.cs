using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Calendar;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>Which days a sweep evaluates and how far ahead it reads the due-date index (pure).</summary>
public static class SweepWindow
{
    /// <summary>
    /// The working days in (<paramref name="lastSuccessful"/>, <paramref name="today"/>] on <paramref name="calendar"/>.
    /// With no previous run, today alone (if it is a working day): a first run never replays history.
    /// </summary>
    public static IReadOnlyList<LocalDate> EvaluatedDays(WorkingDayCalendar calendar, LocalDate? lastSuccessful, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var from = lastSuccessful ?? today.PlusDays(-1);
        var days = new List<LocalDate>();
        for (var day = from.PlusDays(1); day <= today; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                days.Add(day);
            }
        }

        return days;
    }

    /// <summary>The longest "upcoming" lead of a policy, in working days.</summary>
    public static int MaxLeadWorkingDays(EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Groups.Values.Max(g => g.LeadWorkingDays);
    }

    /// <summary>
    /// The last effective date that can produce an alert by <paramref name="today"/> under one authority's policy and
    /// calendar: <paramref name="today"/> plus the longest lead counted in that calendar's working days (so bank
    /// holidays and closure days widen it, never narrow it), and at least <paramref name="minimumDays"/> calendar days.
    /// </summary>
    public static LocalDate Through(LocalDate today, EscalationPolicy policy, WorkingDayCalendar calendar, int minimumDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        LocalDate byLead;
        try
        {
            byLead = calendar.AddWorkingDays(today, MaxLeadWorkingDays(policy));
        }
        catch (CalendarRangeException)
        {
            // Past the calendar's last year nothing can be counted; read to its end.
            byLead = calendar.LastDate;
        }

        var byMinimum = today.PlusDays(Math.Max(0, minimumDays));
        return byLead > byMinimum ? byLead : byMinimum;
    }
}
