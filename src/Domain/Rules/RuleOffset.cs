using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Rules;

/// <summary>An amount of time in one unit, applied to a trigger date to give a due date.</summary>
public readonly record struct RuleOffset(int Amount, OffsetUnit Unit)
{
    /// <summary>N working days (the trigger is day 0).</summary>
    public static RuleOffset WorkingDays(int amount) => new(amount, OffsetUnit.WorkingDays);

    /// <summary>N calendar days.</summary>
    public static RuleOffset CalendarDays(int amount) => new(amount, OffsetUnit.CalendarDays);

    /// <summary>N weeks of seven days.</summary>
    public static RuleOffset Weeks(int amount) => new(amount, OffsetUnit.Weeks);

    /// <summary>N calendar months (clamped at month end).</summary>
    public static RuleOffset Months(int amount) => new(amount, OffsetUnit.Months);

    /// <summary>N calendar years.</summary>
    public static RuleOffset Years(int amount) => new(amount, OffsetUnit.Years);

    /// <summary>
    /// The date <see cref="Amount"/> units after <paramref name="trigger"/> (before it when negative). Only
    /// working days need the calendar; the other units are pure calendar arithmetic.
    /// </summary>
    public LocalDate ApplyTo(LocalDate trigger, WorkingDayCalendar calendar) => Unit switch
    {
        OffsetUnit.WorkingDays => calendar.AddWorkingDays(trigger, Amount),
        OffsetUnit.CalendarDays => trigger.PlusDays(Amount),
        OffsetUnit.Weeks => trigger.PlusDays(Amount * 7),
        OffsetUnit.Months => trigger.PlusMonths(Amount),
        OffsetUnit.Years => trigger.PlusYears(Amount),
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown offset unit."),
    };

    /// <summary>The offset scaled by <paramref name="factor"/> (used for fixed cadences, so they never drift at month ends).</summary>
    public RuleOffset Times(int factor) => new(Amount * factor, Unit);

    /// <summary>Plain English, for example "70 working days" or "−5 working days".</summary>
    public override string ToString()
    {
        var unit = Unit switch
        {
            OffsetUnit.WorkingDays => "working day",
            OffsetUnit.CalendarDays => "day",
            OffsetUnit.Weeks => "week",
            OffsetUnit.Months => "month",
            OffsetUnit.Years => "year",
            _ => Unit.ToString(),
        };
        return $"{Amount} {unit}{(Math.Abs(Amount) == 1 ? string.Empty : "s")}";
    }
}
