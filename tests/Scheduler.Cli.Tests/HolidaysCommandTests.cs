using System.Text.Json;

namespace Scheduler.Cli.Tests;

public sealed class HolidaysCommandTests
{
    // Transcribed from the bank-holiday table (England and Wales, 2012–2027) of the oversight-rules spec §2.2,
    // one row per year: new year, Good Friday, Easter Monday, early May, spring, summer, Christmas/Boxing Day
    // (with their substitutes) and the one-off days.
    private static readonly Dictionary<int, string[]> SpecTable = new()
    {
        [2012] = ["2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04", "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"],
        [2013] = ["2013-01-01", "2013-03-29", "2013-04-01", "2013-05-06", "2013-05-27", "2013-08-26", "2013-12-25", "2013-12-26"],
        [2014] = ["2014-01-01", "2014-04-18", "2014-04-21", "2014-05-05", "2014-05-26", "2014-08-25", "2014-12-25", "2014-12-26"],
        [2015] = ["2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28"],
        [2016] = ["2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27"],
        [2017] = ["2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26"],
        [2018] = ["2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27", "2018-12-25", "2018-12-26"],
        [2019] = ["2019-01-01", "2019-04-19", "2019-04-22", "2019-05-06", "2019-05-27", "2019-08-26", "2019-12-25", "2019-12-26"],
        [2020] = ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"],
        [2021] = ["2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"],
        [2022] = ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"],
        [2023] = ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"],
        [2024] = ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"],
        [2025] = ["2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"],
        [2026] = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"],
        [2027] = ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"],
    };

    [Fact]
    public void Json_for_2012_to_2027_matches_the_spec_table_date_for_date()
    {
        var run = Cli.Run("holidays", "--from", "2012", "--to", "2027", "--format", "json").ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        var items = doc.RootElement.EnumerateArray().ToList();
        var actual = items.Select(e => e.GetProperty("date").GetString()!).ToList();
        var expected = SpecTable.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value).ToList();

        Assert.Equal(expected, actual);
        foreach (var item in items)
        {
            Assert.Equal(2, item.EnumerateObject().Count());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("name").GetString()));
        }
    }

    [Theory]
    [InlineData(2012, 9)]
    [InlineData(2013, 8)]
    [InlineData(2020, 8)]
    [InlineData(2022, 10)]
    [InlineData(2023, 9)]
    public void Count_per_year_matches_the_spec_count_column(int year, int count)
    {
        var run = Cli.Run("holidays", "--from", year.ToString(), "--to", year.ToString()).ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal(count, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Substitute_new_year_is_named_as_a_substitute()
    {
        var run = Cli.Run("holidays", "--from", "2012", "--to", "2012").ShouldSucceed();

        using var doc = JsonDocument.Parse(run.Stdout);
        var first = doc.RootElement[0];
        Assert.Equal("2012-01-02", first.GetProperty("date").GetString());
        Assert.Equal("New Year's Day (substitute)", first.GetProperty("name").GetString());
    }

    [Fact]
    public void Working_days_that_were_once_holidays_are_absent()
    {
        // Spec §2.1(5): Mon 4 May 2020 and Mon 30 May 2022 were working days (the holidays moved).
        var run = Cli.Run("holidays", "--from", "2020", "--to", "2022").ShouldSucceed();

        Assert.DoesNotContain("2020-05-04", run.Stdout);
        Assert.DoesNotContain("2022-05-30", run.Stdout);
    }

    [Fact]
    public void Text_format_is_a_table_with_one_row_per_holiday()
    {
        var run = Cli.Run("holidays", "--from", "2022", "--to", "2022", "--format", "text").ShouldSucceed();

        var rows = run.Stdout.Split('\n').Where(l => l.Contains("2022-", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, rows.Count);
        Assert.Contains(rows, r => r.Contains("2022-09-19", StringComparison.Ordinal) && r.Contains("Mon", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_replaces_a_year_with_the_files_days()
    {
        // A proclamation adds a day the built-in rules cannot know: an imported 2030 with an extra Friday.
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"england-and-wales":{"division":"england-and-wales","events":[
              {"title":"New Year’s Day","date":"2030-01-01","notes":"","bunting":true},
              {"title":"Extra day","date":"2030-06-07","notes":"","bunting":true}
            ]}}
            """);
        try
        {
            var run = Cli.Run("holidays", "--from", "2030", "--to", "2030", "--import", path).ShouldSucceed();

            using var doc = JsonDocument.Parse(run.Stdout);
            var dates = doc.RootElement.EnumerateArray().Select(e => e.GetProperty("date").GetString()).ToList();
            Assert.Equal(["2030-01-01", "2030-06-07"], dates);
            Assert.Equal("New Year's Day", doc.RootElement[0].GetProperty("name").GetString());

            // The imported day is a non-working day for the workdays commands too.
            Assert.Equal("false\n", Cli.Run("workdays", "is", "2030-06-07", "--import", path).ShouldSucceed().Stdout);
            Assert.Equal("true\n", Cli.Run("workdays", "is", "2030-06-07").ShouldSucceed().Stdout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Import_of_a_missing_or_malformed_file_is_a_usage_error()
    {
        var missing = Cli.Run("holidays", "--from", "2020", "--import", "/nonexistent/bank-holidays.json");
        Assert.Equal(2, missing.ExitCode);

        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"scotland\":{}}");
        try
        {
            var bad = Cli.Run("holidays", "--from", "2020", "--import", path);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("england-and-wales", bad.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Years_outside_the_calendar_are_a_usage_error()
    {
        var run = Cli.Run("holidays", "--from", "1985", "--to", "1986");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
