using System.Runtime.CompilerServices;
using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>
/// Working-day arithmetic on <see cref="LocalDate"/> for England and Wales: every day except Saturdays, Sundays
/// and the bank holidays (Christmas Day and Good Friday included), optionally minus an authority's closure days.
/// Every operation is O(1): the calendar precomputes, for each day of its range, how many working days have
/// passed, and for each working day, its date.
/// </summary>
/// <remarks>
/// Counting follows "within N working days of X": X is day 0 and is never counted, so
/// <c>AddWorkingDays(X, N)</c> is the Nth working day strictly after X, whether or not X is a working day.
/// </remarks>
public sealed class WorkingDayCalendar
{
    private readonly int _firstMonthIndexBase;
    private readonly int[] _monthStart;      // day index of the 1st of each month in range
    private readonly int[] _cumulative;      // working days in [first, day i], inclusive
    private readonly int[] _dayOfRank;       // day index of the working day with rank r (0-based)
    private readonly LocalDate[] _dates;     // date of each day index

    private WorkingDayCalendar(BankHolidayTable holidays, IReadOnlyCollection<LocalDate> closureDays)
    {
        Holidays = holidays;
        ClosureDays = closureDays;
        FirstYear = holidays.FirstYear;
        LastYear = holidays.LastYear;
        FirstDate = new LocalDate(FirstYear, 1, 1);
        LastDate = new LocalDate(LastYear, 12, 31);
        _firstMonthIndexBase = FirstYear * 12;

        var dayCount = Period.DaysBetween(FirstDate, LastDate) + 1;
        var nonWorking = new HashSet<LocalDate>(holidays.All.Select(h => h.Date));
        nonWorking.UnionWith(closureDays);

        _dates = new LocalDate[dayCount];
        _cumulative = new int[dayCount];
        _monthStart = new int[(LastYear - FirstYear + 1) * 12];
        var ranks = new List<int>(dayCount);
        var date = FirstDate;
        var count = 0;
        for (var i = 0; i < dayCount; i++, date = date.PlusDays(1))
        {
            _dates[i] = date;
            if (date.Day == 1)
            {
                _monthStart[(date.Year * 12) + date.Month - 1 - _firstMonthIndexBase] = i;
            }

            if (date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !nonWorking.Contains(date))
            {
                ranks.Add(i);
                count++;
            }

            _cumulative[i] = count;
        }

        _dayOfRank = [.. ranks];
    }

    /// <summary>The statutory calendar: England and Wales bank holidays, 1990–2040, no local closures.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new(BankHolidayTable.Default, []);

    /// <summary>A statutory calendar over the given holiday table (for example one extended by an import).</summary>
    public static WorkingDayCalendar FromHolidays(BankHolidayTable holidays) => new(holidays, []);

    /// <summary>The bank holidays this calendar was built from.</summary>
    public BankHolidayTable Holidays { get; }

    /// <summary>An authority's own closure days, if this is a local-practice calendar; empty for the statutory one.</summary>
    public IReadOnlyCollection<LocalDate> ClosureDays { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public LocalDate FirstDate { get; }

    public LocalDate LastDate { get; }

    /// <summary>
    /// A local-practice calendar: this one minus an authority's closure days (say, between Christmas and New
    /// Year). Only rules an authority marks as local practice use it; statutory rules never do.
    /// </summary>
    public WorkingDayCalendar WithClosureDays(IEnumerable<LocalDate> closureDays)
    {
        var closures = closureDays.Distinct().OrderBy(d => d).ToArray();
        foreach (var day in closures)
        {
            IndexOf(day);
        }

        return closures.Length == 0 && ClosureDays.Count == 0 ? this : new WorkingDayCalendar(Holidays, closures);
    }

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    public bool IsWorkingDay(LocalDate date)
    {
        var i = IndexOf(date);
        return IsWorking(i);
    }

    /// <summary>
    /// The <paramref name="days"/>th working day after <paramref name="date"/> (date itself is day 0); for a
    /// negative count, the |days|th working day before it. Zero returns the date unchanged.
    /// </summary>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var i = IndexOf(date);
        if (days == 0)
        {
            return date;
        }

        // Rank (1-based) of the target among all working days in range.
        long rank = days > 0
            ? (long)_cumulative[i] + days
            : (long)_cumulative[i] - (IsWorking(i) ? 1 : 0) + days + 1;
        if (rank < 1 || rank > _dayOfRank.Length)
        {
            throw new CalendarRangeException(
                $"{date:uuuu-MM-dd} {(days > 0 ? "+" : "−")} {Math.Abs(days)} working days falls outside the working-day calendar, which covers {FirstYear}–{LastYear}.",
                FirstYear,
                LastYear);
        }

        return _dates[_dayOfRank[rank - 1]];
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>; negative when <paramref name="to"/> is earlier.
    /// </summary>
    public int WorkingDaysBetween(LocalDate from, LocalDate to)
    {
        var a = IndexOf(from);
        var b = IndexOf(to);
        return b >= a
            ? _cumulative[b] - _cumulative[a]
            : -(_cumulative[a] - _cumulative[b]);
    }

    /// <summary>The date itself if it is a working day, else the last working day before it.</summary>
    public LocalDate PreviousWorkingDayOnOrBefore(LocalDate date)
    {
        var i = IndexOf(date);
        var rank = _cumulative[i];
        if (rank == 0)
        {
            throw new CalendarRangeException($"No working day on or before {date:uuuu-MM-dd} within the calendar.", FirstYear, LastYear);
        }

        return _dates[_dayOfRank[rank - 1]];
    }

    /// <summary>The date itself if it is a working day, else the first working day after it.</summary>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        var i = IndexOf(date);
        var rank = _cumulative[i] - (IsWorking(i) ? 1 : 0);
        if (rank >= _dayOfRank.Length)
        {
            throw new CalendarRangeException($"No working day on or after {date:uuuu-MM-dd} within the calendar.", FirstYear, LastYear);
        }

        return _dates[_dayOfRank[rank]];
    }

    /// <summary>Whether the calendar covers <paramref name="date"/>.</summary>
    public bool Covers(LocalDate date) => date.Year >= FirstYear && date.Year <= LastYear;

    /// <summary>The bank holidays of the given years, in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidays(int fromYear, int toYear) => Holidays.Between(fromYear, toYear);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsWorking(int i) => _cumulative[i] != (i == 0 ? 0 : _cumulative[i - 1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(LocalDate date)
    {
        if (date.Calendar != CalendarSystem.Iso)
        {
            date = date.WithCalendar(CalendarSystem.Iso);
        }

        var monthIndex = (date.Year * 12) + date.Month - 1 - _firstMonthIndexBase;
        if ((uint)monthIndex >= (uint)_monthStart.Length)
        {
            throw new CalendarRangeException(date, FirstYear, LastYear);
        }

        return _monthStart[monthIndex] + date.Day - 1;
    }
}
