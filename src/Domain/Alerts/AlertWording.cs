using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// The words an alert is given wherever people read it (emails, the action page, calendar feeds): the level, one
/// status line, what the rule means and what the recipient is asked to do. Only rule data, dates and counts go in:
/// never a name, a reason or anything else about a child.
/// </summary>
public static class AlertWording
{
    private const string GenericPlain = "A date in the oversight calendar or in a child's case that the council is expected to meet.";
    private const string GenericAsk = "Make sure it is done, and record it as done.";
    private const string Pause = "If it is in hand, acknowledge it with a reason and a date: reminders pause until then.";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM uuuu");

    /// <summary>The level in words: "Window open", "Due soon", "Due today", "Overdue", "Escalated".</summary>
    public static string LevelWord(AlertLevel level) => level switch
    {
        AlertLevel.WindowOpen => "Window open",
        AlertLevel.Upcoming => "Due soon",
        AlertLevel.Due => "Due today",
        AlertLevel.Overdue => "Overdue",
        AlertLevel.Escalated => "Escalated",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
    };

    /// <summary>One status line for an alert, counted on its evaluation day (see <see cref="Status(AlertLevel, LocalDate?, LocalDate, LocalDate, int, int)"/>).</summary>
    public static string Status(AlertCandidate alert) =>
        Status(alert.Level, alert.Earliest, alert.Due, alert.Effective, alert.DaysOverdue, alert.WorkingDaysToDue);

    /// <summary>
    /// One status line: "Window open until Mon 23 Oct 2017", "Due in 5 working days, on Fri 29 Dec 2017" (for a
    /// window, "Window closes in …"), "Due today", "Overdue by 23 working days (was due Mon 11 Dec 2017)",
    /// "Escalated: overdue by 31 working days (was due Mon 11 Dec 2017)". A nominal date that is not a working day
    /// is named after it.
    /// </summary>
    public static string Status(AlertLevel level, LocalDate? earliest, LocalDate due, LocalDate effective, int daysOverdue, int workingDaysToDue)
    {
        var window = earliest is not null;
        var status = level switch
        {
            AlertLevel.WindowOpen => $"Window open until {Format(effective)}",
            AlertLevel.Upcoming when workingDaysToDue > 0 =>
                $"{(window ? "Window closes" : "Due")} in {WorkingDays(workingDaysToDue)}, on {Format(effective)}",
            AlertLevel.Upcoming => $"{(window ? "Window closes" : "Due")} on {Format(effective)}",
            AlertLevel.Due => window ? "Window closes today" : "Due today",
            AlertLevel.Overdue => $"Overdue by {WorkingDays(daysOverdue)} (was due {Format(effective)})",
            AlertLevel.Escalated => $"Escalated: overdue by {WorkingDays(daysOverdue)} (was due {Format(effective)})",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
        };
        return due != effective ? $"{status}; the nominal date, {Format(due)}, is not a working day" : status;
    }

    /// <summary>What the rule means in plain words (a generic sentence for a rule the catalogue does not know).</summary>
    public static string Plain(string ruleId) => RuleSets.FindRule(ruleId)?.Plain ?? GenericPlain;

    /// <summary>What the recipient is asked to do at <paramref name="level"/>: the rule's ask, and what the level adds.</summary>
    public static string Ask(string ruleId, AlertLevel level)
    {
        var ask = RuleSets.FindRule(ruleId)?.Ask ?? GenericAsk;
        return level switch
        {
            AlertLevel.WindowOpen or AlertLevel.Upcoming => ask,
            AlertLevel.Due => $"{ask} It is due today.",
            AlertLevel.Overdue => $"{ask} {Pause}",
            AlertLevel.Escalated => $"{ask} This has been escalated to senior managers. {Pause}",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown alert level."),
        };
    }

    /// <summary>A date as alerts write it: "Mon 11 Dec 2017".</summary>
    public static string Format(LocalDate date) => DatePattern.Format(date);

    private static string WorkingDays(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
