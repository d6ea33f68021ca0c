using System.Runtime.CompilerServices;
using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Benchmarks.Baseline;

/// <summary>
/// A frozen copy of <see cref="WorkingDayCalendar"/> as it was before the performance work (commit f651066), kept
/// only so the quick modes can time the previous and the current implementation side by side in one process.
/// Trimmed to the operations the baselines call; the arithmetic is unchanged.
/// </summary>
public sealed class BaselineWorkingDayCalendar
{
    private const int SlotsPerMonth = 31;
    private const int SlotsPerYear = 12 * SlotsPerMonth;

    private readonly int[] _cumulative;
    private readonly LocalDate[] _workingDays;

    private BaselineWorkingDayCalendar(BankHolidayTable holidays)
    {
        FirstYear = holidays.FirstYear;
        LastYear = holidays.LastYear;
        var nonWorking = new HashSet<LocalDate>(holidays.All.Select(h => h.Date));

        _cumulative = new int[((LastYear - FirstYear + 1) * SlotsPerYear) + 1];
        var workingDays = new List<LocalDate>(_cumulative.Length);
        var count = 0;
        var slot = 1;
        for (var year = FirstYear; year <= LastYear; year++)
        {
            for (var month = 1; month <= 12; month++)
            {
                var length = CalendarSystem.Iso.GetDaysInMonth(year, month);
                for (var day = 1; day <= SlotsPerMonth; day++, slot++)
                {
                    if (day <= length)
                    {
                        var date = new LocalDate(year, month, day);
                        if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !nonWorking.Contains(date))
                        {
                            workingDays.Add(date);
                            count++;
                        }
                    }

                    _cumulative[slot] = count;
                }
            }
        }

        _workingDays = [.. workingDays];
    }

    /// <summary>The statutory calendar over the built-in bank holiday table.</summary>
    public static BaselineWorkingDayCalendar EnglandAndWales { get; } = new(BankHolidayTable.Default);

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>The previous implementation of <see cref="WorkingDayCalendar.AddWorkingDays"/>.</summary>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var i = IndexOf(date);
        if (days == 0)
        {
            return date;
        }

        var cumulative = _cumulative[i];
        var working = cumulative - _cumulative[i - 1];
        var rank = (long)cumulative + days + ((days >> 31) & (1 - working));
        if ((ulong)(rank - 1) >= (ulong)_workingDays.Length)
        {
            ThrowOutOfRange(date);
        }

        return _workingDays[rank - 1];
    }

    /// <summary>The previous implementation of <see cref="WorkingDayCalendar.PreviousWorkingDayOnOrBefore"/>.</summary>
    public LocalDate PreviousWorkingDayOnOrBefore(LocalDate date)
    {
        var i = IndexOf(date);
        var rank = _cumulative[i];
        if (rank == 0)
        {
            ThrowOutOfRange(date);
        }

        return _workingDays[rank - 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        var yearOffset = date.Year - FirstYear;
        if ((uint)yearOffset > (uint)(LastYear - FirstYear))
        {
            ThrowOutOfRange(date);
        }

        return (yearOffset * SlotsPerYear) + ((date.Month - 1) * SlotsPerMonth) + date.Day;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutOfRange(LocalDate date) => throw new CalendarRangeException(date, FirstYear, LastYear);
}
