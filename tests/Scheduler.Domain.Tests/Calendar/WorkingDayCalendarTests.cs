using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static LocalDate D(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    [Theory]
    [InlineData("2017-09-04", 70, "2017-12-11")] // Croydon written statement of action
    [InlineData("2017-09-04", 25, "2017-10-09")]
    [InlineData("2017-09-04", 35, "2017-10-23")]
    [InlineData("2017-09-04", 30, "2017-10-16")]
    [InlineData("2017-12-13", 15, "2018-01-08")] // ICPC over Christmas
    [InlineData("2017-12-20", 20, "2018-01-22")] // looked-after first review over Christmas
    [InlineData("2017-12-22", 45, "2018-02-28")] // assessment over Christmas
    [InlineData("2017-12-22", 1, "2017-12-27")]  // referral decision
    [InlineData("2017-12-01", 70, "2018-03-14")]
    [InlineData("2022-09-05", 15, "2022-09-27")] // state funeral skipped
    [InlineData("2022-06-01", 25, "2022-07-08")] // jubilee 2022
    [InlineData("2022-06-01", 35, "2022-07-22")]
    [InlineData("2022-06-01", 70, "2022-09-12")]
    [InlineData("2023-04-27", 15, "2023-05-22")] // coronation
    [InlineData("2020-05-01", 5, "2020-05-11")]  // VE day move
    [InlineData("2017-09-04", 15, "2017-09-25")]
    [InlineData("2017-12-13", 20, "2018-01-15")] // monitoring visit Day 21 = D1 + 20
    public void Adds_working_days_with_the_start_day_as_day_zero(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
        Assert.Equal(days, Calendar.WorkingDaysBetween(D(start), D(expected)));
    }

    [Theory]
    [InlineData("2017-12-13", -10, "2017-11-29")] // monitoring visit data request
    [InlineData("2017-12-13", -8, "2017-12-01")]
    [InlineData("2017-12-13", -3, "2017-12-08")]
    [InlineData("2017-12-13", -2, "2017-12-11")]
    [InlineData("2017-10-09", -5, "2017-10-02")]  // APV agenda
    [InlineData("2018-01-02", -1, "2017-12-29")]
    [InlineData("2017-12-25", -1, "2017-12-22")]  // from a holiday
    [InlineData("2017-12-24", -1, "2017-12-22")]  // from a Sunday
    public void Counts_backwards_for_negative_days(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.AddWorkingDays(D(start), days));
    }

    [Fact]
    public void Counting_from_a_non_working_day_starts_at_the_next_working_day()
    {
        // Sat 16 Dec 2017 is day 0; Mon 18 Dec is the first working day after it.
        Assert.Equal(D("2017-12-18"), Calendar.AddWorkingDays(D("2017-12-16"), 1));
        Assert.Equal(D("2017-12-27"), Calendar.AddWorkingDays(D("2017-12-25"), 1));
        Assert.Equal(D("2017-12-25"), Calendar.AddWorkingDays(D("2017-12-25"), 0));
    }

    [Theory]
    [InlineData("2022-09-19", false)]
    [InlineData("2017-12-24", false)]
    [InlineData("2017-12-25", false)]
    [InlineData("2017-12-26", false)]
    [InlineData("2018-01-01", false)]
    [InlineData("2017-12-29", true)]
    [InlineData("2017-12-31", false)]
    [InlineData("2018-12-24", true)]  // Christmas Eve is a working day
    [InlineData("2018-12-31", true)]  // so is New Year's Eve
    [InlineData("2020-05-04", true)]
    public void Knows_working_days(string date, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2018-04-02", "2018-03-29")] // Easter Monday, Good Friday before it
    [InlineData("2018-03-04", "2018-03-02")] // Sunday
    [InlineData("2017-12-25", "2017-12-22")]
    [InlineData("2017-12-11", "2017-12-11")]
    public void Previous_working_day_on_or_before(string date, string expected)
    {
        Assert.Equal(D(expected), Calendar.PreviousWorkingDayOnOrBefore(D(date)));
    }

    [Theory]
    [InlineData("2017-12-23", "2017-12-27")]
    [InlineData("2018-03-30", "2018-04-03")]
    [InlineData("2017-12-11", "2017-12-11")]
    public void Next_working_day_on_or_after(string date, string expected)
    {
        Assert.Equal(D(expected), Calendar.NextWorkingDayOnOrAfter(D(date)));
    }

    [Fact]
    public void Working_days_between_is_negative_backwards_and_zero_for_the_same_day()
    {
        Assert.Equal(-70, Calendar.WorkingDaysBetween(D("2017-12-11"), D("2017-09-04")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2017-12-11"), D("2017-12-11")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2017-12-23"), D("2017-12-26")));
    }

    [Fact]
    public void Dates_outside_the_calendar_are_a_clear_error()
    {
        var ex = Assert.Throws<CalendarRangeException>(() => Calendar.IsWorkingDay(D("2041-01-02")));
        Assert.Contains("2041-01-02", ex.Message);
        Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(D("1989-12-29"), 1));
        Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(D("2040-12-20"), 30));
        Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingDays(D("1990-01-10"), -30));
    }

    [Fact]
    public void Non_iso_dates_are_converted_not_misread()
    {
        var julian = D("2017-12-11").WithCalendar(CalendarSystem.Julian);

        Assert.Equal(D("2017-12-12"), Calendar.AddWorkingDays(julian, 1));
    }

    [Fact]
    public void Closure_days_make_a_separate_local_calendar()
    {
        var closures = new[] { D("2017-12-27"), D("2017-12-28"), D("2017-12-29") };
        var local = Calendar.WithClosureDays(closures);

        Assert.False(local.IsWorkingDay(D("2017-12-27")));
        Assert.True(Calendar.IsWorkingDay(D("2017-12-27")));
        Assert.Equal(D("2018-01-02"), local.AddWorkingDays(D("2017-12-22"), 1));
        Assert.Equal(D("2017-12-27"), Calendar.AddWorkingDays(D("2017-12-22"), 1));
        Assert.Throws<CalendarRangeException>(() => Calendar.WithClosureDays([D("2050-01-03")]));
    }

    [Fact]
    public void The_same_closure_days_give_the_same_calendar_and_none_give_the_statutory_one()
    {
        var first = Calendar.WithClosureDays([D("2017-12-28"), D("2017-12-27")]);
        var again = Calendar.WithClosureDays([D("2017-12-27"), D("2017-12-28"), D("2017-12-27")]);

        Assert.Same(first, again);
        Assert.Same(Calendar, Calendar.WithClosureDays([]));
        Assert.NotSame(first, Calendar.WithClosureDays([D("2017-12-27")]));
    }
}
