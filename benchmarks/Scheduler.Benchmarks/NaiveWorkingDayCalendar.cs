using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Benchmarks;

/// <summary>
/// The obvious baseline: step one day at a time, skipping weekends and a hash set of holidays. Same semantics as
/// <see cref="WorkingDayCalendar"/> (the start date is day 0), so results can be compared one for one.
/// </summary>
public sealed class NaiveWorkingDayCalendar(IEnumerable<LocalDate> holidays)
{
    private readonly HashSet<LocalDate> _holidays = [.. holidays];

    /// <summary>The England and Wales bank holidays of the built-in table.</summary>
    public static NaiveWorkingDayCalendar EnglandAndWales { get; } = new(BankHolidayTable.Default.All.Select(h => h.Date));

    /// <summary>Whether the date is a weekday and not a holiday.</summary>
    public bool IsWorkingDay(LocalDate date) =>
        date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>The Nth working day after (or, for negative N, before) the date.</summary>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var step = days >= 0 ? 1 : -1;
        var remaining = Math.Abs(days);
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Working days in (from, to]; negative when to is earlier.</summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var d = from.PlusDays(1); d <= to; d = d.PlusDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
