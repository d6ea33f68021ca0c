using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Tests.Calendar;

/// <summary>
/// Pins the table-driven calendar to the obvious definition, stepping one day at a time past weekends and
/// holidays, over every date of its range (and many random pairs), so a change to its index arithmetic or tables
/// cannot go unnoticed at a month end, a year end, a leap day or either end of the range.
/// </summary>
public sealed class WorkingDayOracleTests
{
    private static readonly WorkingDayCalendar Statutory = WorkingDayCalendar.EnglandAndWales;

    // Christmas closures in two years and a single day at each end of the range, for the local-calendar check.
    private static readonly LocalDate[] Closures =
        [new(1990, 1, 2), new(2017, 12, 27), new(2017, 12, 28), new(2017, 12, 29), new(2024, 12, 30), new(2024, 12, 31), new(2040, 12, 31)];

    public static TheoryData<string> Calendars => ["statutory", "with closure days"];

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Every_date_agrees_with_stepping(string which)
    {
        var (calendar, oracle) = Pair(which);
        for (var date = oracle.First; date <= oracle.Last; date = date.PlusDays(1))
        {
            Assert.Equal(oracle.IsWorkingDay(date), calendar.IsWorkingDay(date));
            AssertSame(oracle.Previous(date), () => calendar.PreviousWorkingDayOnOrBefore(date), date);
            AssertSame(oracle.Next(date), () => calendar.NextWorkingDayOnOrAfter(date), date);
            foreach (var days in new[] { 1, -1, 2, -2, 5, -5, 21, -21, 70, -70 })
            {
                AssertSame(oracle.Add(date, days), () => calendar.AddWorkingDays(date, days), date, days);
            }

            Assert.Equal(date, calendar.AddWorkingDays(date, 0));
        }
    }

    [Theory]
    [MemberData(nameof(Calendars))]
    public void Random_pairs_agree_with_stepping(string which)
    {
        var (calendar, oracle) = Pair(which);
        var random = new Random(20170904);
        var span = Period.DaysBetween(oracle.First, oracle.Last) + 1;
        for (var n = 0; n < 5_000; n++)
        {
            var date = oracle.First.PlusDays(random.Next(span));
            var days = random.Next(-700, 701);
            AssertSame(oracle.Add(date, days), () => calendar.AddWorkingDays(date, days), date, days);

            var to = date.PlusDays(random.Next(-400, 401));
            if (to >= oracle.First && to <= oracle.Last)
            {
                Assert.Equal(oracle.Between(date, to), calendar.WorkingDaysBetween(date, to));
            }
        }
    }

    [Fact]
    public void Dates_in_other_calendar_systems_count_as_the_same_iso_day()
    {
        // Coptic and Hebrew years have a 13th month; Julian dates' fields look like nearby ISO dates.
        var oracle = new SteppingOracle(Statutory, []);
        var others = new[] { CalendarSystem.Julian, CalendarSystem.Coptic, CalendarSystem.HebrewCivil, CalendarSystem.PersianSimple };
        for (var date = new LocalDate(1991, 1, 1); date <= new LocalDate(2039, 12, 31); date = date.PlusDays(3))
        {
            foreach (var system in others)
            {
                var other = date.WithCalendar(system);
                Assert.Equal(oracle.IsWorkingDay(date), Statutory.IsWorkingDay(other));
                Assert.Equal(oracle.Previous(date), Statutory.PreviousWorkingDayOnOrBefore(other));
                Assert.Equal(oracle.Next(date), Statutory.NextWorkingDayOnOrAfter(other));
                Assert.Equal(oracle.Add(date, 5), Statutory.AddWorkingDays(other, 5));
                Assert.Equal(oracle.Add(date, -5), Statutory.AddWorkingDays(other, -5));
                Assert.Equal(oracle.Between(date, date.PlusDays(40)), Statutory.WorkingDaysBetween(other, date.PlusDays(40)));
            }
        }

        Assert.Throws<CalendarRangeException>(() => Statutory.IsWorkingDay(new LocalDate(2041, 1, 2).WithCalendar(CalendarSystem.Coptic)));

        // A calendar whose ISO years happen to be Hebrew years: the 13th month of its last year (5790 is a leap
        // year) must still be converted (to 2030, outside this calendar), not read as a slot past the table's end.
        var hebrewYears = WorkingDayCalendar.FromHolidays(BankHolidayTable.FromRules(5770, 5790));
        var elul = new LocalDate(5790, 13, 29, CalendarSystem.HebrewCivil);
        Assert.Throws<CalendarRangeException>(() => hebrewYears.AddWorkingDays(elul, 1));
        Assert.Equal(oracle.Add(elul.WithCalendar(CalendarSystem.Iso), 1), Statutory.AddWorkingDays(elul, 1));
    }

    [Fact]
    public void Results_just_outside_the_range_are_a_range_error_not_a_wrong_date()
    {
        // 1 January 1990 is a bank holiday and 31 December 2040 a Monday: step off either end of the tables.
        Assert.Throws<CalendarRangeException>(() => Statutory.PreviousWorkingDayOnOrBefore(new LocalDate(1990, 1, 1)));
        Assert.Equal(new LocalDate(1990, 1, 2), Statutory.NextWorkingDayOnOrAfter(new LocalDate(1990, 1, 1)));
        Assert.Throws<CalendarRangeException>(() => Statutory.AddWorkingDays(new LocalDate(1990, 1, 2), -1));
        Assert.Throws<CalendarRangeException>(() => Statutory.AddWorkingDays(new LocalDate(1990, 1, 1), -1));
        Assert.Throws<CalendarRangeException>(() => Statutory.AddWorkingDays(new LocalDate(2040, 12, 31), 1));
        Assert.Throws<CalendarRangeException>(() => Statutory.AddWorkingDays(new LocalDate(2040, 12, 28), int.MaxValue));
        Assert.Throws<CalendarRangeException>(() => Statutory.AddWorkingDays(new LocalDate(1990, 6, 1), int.MinValue));

        var local = Statutory.WithClosureDays([new LocalDate(2040, 12, 31)]);
        Assert.Throws<CalendarRangeException>(() => local.NextWorkingDayOnOrAfter(new LocalDate(2040, 12, 31)));
        Assert.Equal(new LocalDate(2040, 12, 28), local.PreviousWorkingDayOnOrBefore(new LocalDate(2040, 12, 31)));
    }

    private static (WorkingDayCalendar Calendar, SteppingOracle Oracle) Pair(string which) => which == "statutory"
        ? (Statutory, new SteppingOracle(Statutory, []))
        : (Statutory.WithClosureDays(Closures), new SteppingOracle(Statutory, Closures));

    private static void AssertSame(LocalDate? expected, Func<LocalDate> actual, LocalDate date, int days = 0)
    {
        if (expected is { } e)
        {
            var got = actual();
            Assert.True(e == got, $"{date:uuuu-MM-dd} {days:+0;-0}: expected {e:uuuu-MM-dd}, got {got:uuuu-MM-dd}");
        }
        else
        {
            Assert.Throws<CalendarRangeException>(() => actual());
        }
    }

    /// <summary>
    /// Working days by definition: not a Saturday or Sunday, not a bank holiday, not a closure day, stepping a day
    /// at a time; null when the answer lies outside the calendar's years.
    /// </summary>
    private sealed class SteppingOracle(WorkingDayCalendar range, IEnumerable<LocalDate> closures)
    {
        private readonly HashSet<LocalDate> _nonWorking = [.. range.Holidays.All.Select(h => h.Date), .. closures];

        public LocalDate First { get; } = new(range.FirstYear, 1, 1);

        public LocalDate Last { get; } = new(range.LastYear, 12, 31);

        public bool IsWorkingDay(LocalDate d) =>
            d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday) && !_nonWorking.Contains(d);

        public LocalDate? Add(LocalDate date, int days)
        {
            var step = Math.Sign(days);
            for (var remaining = Math.Abs(days); remaining > 0;)
            {
                date = date.PlusDays(step);
                if (date < First || date > Last)
                {
                    return null;
                }

                if (IsWorkingDay(date))
                {
                    remaining--;
                }
            }

            return date;
        }

        public LocalDate? Previous(LocalDate date)
        {
            for (; date >= First; date = date.PlusDays(-1))
            {
                if (IsWorkingDay(date))
                {
                    return date;
                }
            }

            return null;
        }

        public LocalDate? Next(LocalDate date)
        {
            for (; date <= Last; date = date.PlusDays(1))
            {
                if (IsWorkingDay(date))
                {
                    return date;
                }
            }

            return null;
        }

        public int Between(LocalDate from, LocalDate to)
        {
            var sign = to < from ? -1 : 1;
            var (a, b) = to < from ? (to, from) : (from, to);
            var count = 0;
            for (var d = a.PlusDays(1); d <= b; d = d.PlusDays(1))
            {
                count += IsWorkingDay(d) ? 1 : 0;
            }

            return sign * count;
        }
    }
}
