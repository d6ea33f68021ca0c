using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Tests.Calendar;

public sealed class GovUkImportTests
{
    private static string SampleFile => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendar", "TestData", "bank-holidays.json"));

    [Fact]
    public void Reads_only_the_england_and_wales_division()
    {
        var days = GovUkBankHolidaysJson.Parse(SampleFile);

        Assert.Equal(132, days.Count); // 16 years, 2012–2027
        Assert.DoesNotContain(days, d => d.Date == new LocalDate(2017, 3, 17)); // St Patrick's Day (NI)
        Assert.Contains(days, d => d.Date == new LocalDate(2012, 1, 2) && d.Name == "New Year's Day (substitute)");
    }

    [Fact]
    public void Imported_years_agree_with_the_rules()
    {
        var imported = BankHolidayTable.Default.WithImported(GovUkBankHolidaysJson.Parse(SampleFile));

        for (var year = 2012; year <= 2027; year++)
        {
            Assert.Equal(SpecHolidayTable.Dates(year), imported.Between(year, year).Select(h => h.Date));
            Assert.Contains(year, imported.ImportedYears);
        }
    }

    [Fact]
    public void A_new_one_off_day_is_a_data_change()
    {
        // A hypothetical extra holiday proclaimed for 2027 arrives in a refreshed file.
        var refreshed = GovUkBankHolidaysJson.Parse(SampleFile)
            .Append(new BankHoliday(new LocalDate(2027, 6, 7), "Extra bank holiday"));
        var calendar = WorkingDayCalendar.FromHolidays(BankHolidayTable.Default.WithImported(refreshed));

        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(new LocalDate(2027, 6, 7)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 6, 7)));
        Assert.Equal(new LocalDate(2027, 6, 8), calendar.AddWorkingDays(new LocalDate(2027, 6, 4), 1));
    }

    [Fact]
    public void A_year_beyond_the_range_extends_it()
    {
        var json = """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"New Year’s Day","date":"2042-01-01","notes":"","bunting":true}]}}""";
        var table = BankHolidayTable.Default.WithImported(GovUkBankHolidaysJson.Parse(json));
        var calendar = WorkingDayCalendar.FromHolidays(table);

        Assert.Equal(2042, table.LastYear);
        Assert.False(calendar.IsWorkingDay(new LocalDate(2042, 1, 1)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2041, 12, 25))); // the gap year comes from the rules
        Assert.Equal("New Year's Day", table.Between(2042, 2042).Single().Name);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"scotland":{"events":[]}}""", "england-and-wales")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"x"}]}}""", "events[0] has no \"date\"")]
    [InlineData("""{"england-and-wales":{"events":[{"title":"x","date":"2020-13-01"}]}}""", "not a yyyy-MM-dd date")]
    public void Malformed_files_are_rejected_with_the_reason(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => GovUkBankHolidaysJson.Parse(json));

        Assert.Contains(expected, ex.Message);
    }
}
