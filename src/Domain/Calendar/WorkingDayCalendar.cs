using System.Collections.Concurrent;
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
    // Days are indexed by (year, month, day) with every month given 31 slots, so a date's index is pure arithmetic
    // on its fields (no lookup table, no division). The slots of non-existent days (30 Feb…) carry the previous
    // day's count and are never reached from a valid date. The table is only ~2% larger than a dense one.
    private const int SlotsPerMonth = 31;
    private const int SlotsPerYear = 12 * SlotsPerMonth;

    // Closure-day calendars built from this one, by their closure set: callers ask again on every request and
    // sweep, and each build walks the whole range. Bounded, because closure sets come from authorities' data.
    private const int MaxRememberedClosureSets = 256;
    private readonly ConcurrentDictionary<string, WorkingDayCalendar> _byClosures = new(StringComparer.Ordinal);

    // _cumulative[0] is a sentinel (0 working days before the range) and 1 January of the first year has index 1,
    // so for the date at index i, _cumulative[i] counts the working days up to and including it and
    // _cumulative[i - 1] those strictly before it, with no edge case at the first day.
    private readonly int[] _cumulative;        // working days up to and including index i
    private readonly LocalDate[] _workingDays; // the working day of rank r (0-based), so results need one load

    // The ISO date each index stands for (default for the slots of non-existent days). Comparing a date with the
    // date at its index checks in one step that the date is ISO and that its index is right, without asking the
    // date for its calendar system: that NodaTime call is not inlined, and with the register spills it forces
    // around it cost ~1 ns of the ~5 of AddWorkingDays (measured). The same for every calendar over the same years.
    private readonly LocalDate[] _slotDates;

    private WorkingDayCalendar(BankHolidayTable holidays, IReadOnlyCollection<LocalDate> closureDays, LocalDate[]? slotDates = null)
    {
        Holidays = holidays;
        ClosureDays = closureDays;
        FirstYear = holidays.FirstYear;
        LastYear = holidays.LastYear;
        FirstDate = new LocalDate(FirstYear, 1, 1);
        LastDate = new LocalDate(LastYear, 12, 31);

        var nonWorking = new HashSet<LocalDate>(holidays.All.Select(h => h.Date));
        nonWorking.UnionWith(closureDays);

        _cumulative = new int[((LastYear - FirstYear + 1) * SlotsPerYear) + 1];
        // The slot dates depend only on the years: a closure-day calendar shares its parent's table and leaves it as it is.
        var fillSlotDates = slotDates is null;
        _slotDates = slotDates ?? new LocalDate[_cumulative.Length];
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
                        if (fillSlotDates)
                        {
                            _slotDates[slot] = date;
                        }

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

        if (closures.Length == 0 && ClosureDays.Count == 0)
        {
            return this;
        }

        var key = string.Join(',', closures.Select(d => d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (_byClosures.TryGetValue(key, out var known))
        {
            return known;
        }

        var built = new WorkingDayCalendar(Holidays, closures, _slotDates);
        return _byClosures.Count < MaxRememberedClosureSets ? _byClosures.GetOrAdd(key, built) : built;
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        var i = IndexOf(date);
        if (days == 0)
        {
            return date;
        }

        // The target's rank (0-based) among all working days in range. Forward, it is the working days up to and
        // including the date, plus days − 1. Back, it is the working days strictly before the date, plus days:
        // counting back from a non-working day, the first working day before it is step 1. back is 1 for a negative
        // count, so one table read serves both, with no branch on the sign (unpredictable in bulk use).
        var back = days >>> 31;
        var rank = (long)_cumulative[i - back] + days - 1 + back;
        if ((ulong)rank >= (ulong)_workingDays.Length)
        {
            ThrowOutOfRange(date, days);
        }

        return _workingDays[rank];
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LocalDate PreviousWorkingDayOnOrBefore(LocalDate date)
    {
        // Every milestone asks this once (its effective date); inlined, like AddWorkingDays, to save the call.
        var rank = _cumulative[IndexOf(date)] - 1;
        if ((uint)rank >= (uint)_workingDays.Length)
        {
            ThrowNoWorkingDay(date, "before");
        }

        return _workingDays[rank];
    }

    /// <summary>The date itself if it is a working day, else the first working day after it.</summary>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date)
    {
        // The working days strictly before the date give the rank of the first one on or after it.
        var rank = _cumulative[IndexOf(date) - 1];
        if (rank >= _workingDays.Length)
        {
            ThrowNoWorkingDay(date, "after");
        }

        return _workingDays[rank];
    }

    /// <summary>Whether the calendar covers <paramref name="date"/>.</summary>
    public bool Covers(LocalDate date) => date.Year >= FirstYear && date.Year <= LastYear;

    /// <summary>The bank holidays of the given years, in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidays(int fromYear, int toYear) => Holidays.Between(fromYear, toYear);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsWorking(int i) => _cumulative[i] != _cumulative[i - 1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int IndexOf(LocalDate date)
    {
        // The length check matters only for other calendars' 13th months; for ISO dates the year check suffices.
        var yearOffset = date.Year - FirstYear;
        var i = (yearOffset * SlotsPerYear) + ((date.Month - 1) * SlotsPerMonth) + date.Day;
        if ((uint)yearOffset > (uint)(LastYear - FirstYear) || (uint)i >= (uint)_slotDates.Length || _slotDates[i] != date)
        {
            return IndexOfOtherCalendarOrThrow(date);
        }

        return i;
    }

    // A date in another calendar system is converted to ISO and looked up again; an ISO date that lands here is
    // outside the calendar's years.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int IndexOfOtherCalendarOrThrow(LocalDate date) =>
        date.Calendar != CalendarSystem.Iso
            ? IndexOf(date.WithCalendar(CalendarSystem.Iso))
            : throw new CalendarRangeException(date, FirstYear, LastYear);

    // Kept out of line so the hot paths stay small enough to inline well.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNoWorkingDay(LocalDate date, string direction) =>
        throw new CalendarRangeException($"No working day on or {direction} {date:uuuu-MM-dd} within the calendar.", FirstYear, LastYear);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutOfRange(LocalDate date, int days) =>
        throw new CalendarRangeException(
            $"{date:uuuu-MM-dd} {(days > 0 ? "+" : "−")} {Math.Abs((long)days)} working days falls outside the working-day calendar, which covers {FirstYear}–{LastYear}.",
            FirstYear,
            LastYear);
}
