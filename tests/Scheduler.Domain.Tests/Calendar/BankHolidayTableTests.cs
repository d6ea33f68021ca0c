using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Tests.Calendar;

public sealed class BankHolidayTableTests
{
    [Theory]
    [MemberData(nameof(SpecHolidayTable.Years), MemberType = typeof(SpecHolidayTable))]
    public void Every_published_year_matches_the_table(int year)
    {
        var computed = BankHolidayTable.Default.Between(year, year).Select(h => h.Date);

        Assert.Equal(SpecHolidayTable.Dates(year), computed);
    }

    [Theory]
    [InlineData(2012, 1, 2, "New Year's Day (substitute)")]
    [InlineData(2015, 12, 28, "Boxing Day (substitute)")]
    [InlineData(2021, 12, 27, "Christmas Day (substitute)")]
    [InlineData(2022, 12, 27, "Christmas Day (substitute)")]
    [InlineData(2022, 12, 26, "Boxing Day")]
    [InlineData(2022, 9, 19, "State Funeral of Queen Elizabeth II")]
    public void Substitute_and_one_off_days_are_named(int y, int m, int d, string name)
    {
        var holiday = Assert.Single(BankHolidayTable.Default.Between(y, y), h => h.Date == new LocalDate(y, m, d));

        Assert.Equal(name, holiday.Name);
    }

    [Theory]
    [InlineData(2020, 5, 4)]
    [InlineData(2022, 5, 30)]
    [InlineData(2012, 5, 28)]
    [InlineData(1995, 5, 1)]
    [InlineData(2002, 5, 27)]
    public void A_moved_holidays_standard_date_is_a_working_day(int y, int m, int d)
    {
        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(new LocalDate(y, m, d)));
    }

    [Fact]
    public void Every_year_of_the_range_has_eight_to_ten_holidays_none_at_a_weekend()
    {
        for (var year = BankHolidayTable.DefaultFirstYear; year <= BankHolidayTable.DefaultLastYear; year++)
        {
            var days = BankHolidayTable.Default.Between(year, year);
            Assert.InRange(days.Count, 8, 10);
            Assert.All(days, h => Assert.True(h.Date.DayOfWeek < IsoDayOfWeek.Saturday, $"{h.Date} {h.Name} is at a weekend"));
            Assert.Equal(days.Count, days.Select(h => h.Date).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(2016, 3, 27)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2038, 4, 25)]
    [InlineData(2000, 4, 23)]
    public void Easter_follows_the_gregorian_computus(int y, int m, int d)
    {
        Assert.Equal(new LocalDate(y, m, d), EnglandAndWalesBankHolidays.GregorianEasterSunday(y));
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2041)]
    public void Years_outside_the_range_are_a_clear_error(int year)
    {
        var ex = Assert.Throws<CalendarRangeException>(() => BankHolidayTable.Default.Between(year, year));

        Assert.Contains("1990–2040", ex.Message);
    }
}
