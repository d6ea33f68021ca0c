namespace Scheduler.Cli.Tests;

public sealed class WorkdaysCommandTests
{
    // Spec §6(a), (b) and (g): "within N working days of X", X is day 0.
    [Theory]
    [InlineData("2017-09-04", 70, "2017-12-11")]
    [InlineData("2017-09-04", 5, "2017-09-11")]
    [InlineData("2017-09-04", 25, "2017-10-09")]
    [InlineData("2017-09-04", 35, "2017-10-23")]
    [InlineData("2017-09-04", 30, "2017-10-16")]
    [InlineData("2017-09-04", 15, "2017-09-25")]
    [InlineData("2017-12-13", 15, "2018-01-08")]
    [InlineData("2017-12-20", 20, "2018-01-22")]
    [InlineData("2017-12-22", 45, "2018-02-28")]
    [InlineData("2017-12-22", 1, "2017-12-27")]
    [InlineData("2017-12-01", 70, "2018-03-14")]
    [InlineData("2022-09-05", 15, "2022-09-27")]
    [InlineData("2022-06-01", 25, "2022-07-08")]
    [InlineData("2022-06-01", 35, "2022-07-22")]
    [InlineData("2022-06-01", 70, "2022-09-12")]
    [InlineData("2023-04-27", 15, "2023-05-22")]
    [InlineData("2020-05-01", 5, "2020-05-11")]
    [InlineData("2017-12-11", 20, "2018-01-11")]
    public void Add_gives_the_spec_date(string from, int days, string expected)
    {
        var run = Cli.Run("workdays", "add", from, "--days", days.ToString()).ShouldSucceed();

        Assert.Equal(expected + "\n", run.Stdout);
    }

    // Spec §6(h): counting back from the first on-site day of a monitoring visit.
    [Theory]
    [InlineData("2017-12-13", -10, "2017-11-29")]
    [InlineData("2017-12-13", -8, "2017-12-01")]
    [InlineData("2017-12-13", -3, "2017-12-08")]
    [InlineData("2017-12-13", -2, "2017-12-11")]
    public void Add_with_negative_days_counts_backwards(string from, int days, string expected)
    {
        var run = Cli.Run("workdays", "add", from, "--days", days.ToString()).ShouldSucceed();

        Assert.Equal(expected + "\n", run.Stdout);
    }

    [Theory]
    [InlineData("2017-09-04", "2017-12-11", 70)]
    [InlineData("2017-09-04", "2017-10-09", 25)]
    [InlineData("2017-12-13", "2018-01-08", 15)]
    [InlineData("2017-12-11", "2018-01-11", 20)]
    [InlineData("2022-09-05", "2022-09-27", 15)]
    [InlineData("2017-12-11", "2017-09-04", -70)]
    [InlineData("2017-09-04", "2017-09-04", 0)]
    public void Count_gives_the_spec_number(string from, string to, int expected)
    {
        var run = Cli.Run("workdays", "count", from, to).ShouldSucceed();

        Assert.Equal($"{expected}\n", run.Stdout);
    }

    [Theory]
    [InlineData("2022-09-19", false)] // State funeral
    [InlineData("2022-05-30", true)]  // spring holiday moved to 2 Jun
    [InlineData("2020-05-04", true)]  // early May holiday moved to 8 May
    [InlineData("2020-05-08", false)]
    [InlineData("2017-12-24", false)] // Sunday
    [InlineData("2018-12-24", true)]  // Christmas Eve is a working day
    [InlineData("2018-12-31", true)]  // New Year's Eve too
    [InlineData("2018-03-30", false)] // Good Friday
    [InlineData("2017-09-04", true)]
    public void Is_reports_working_days(string date, bool expected)
    {
        var run = Cli.Run("workdays", "is", date).ShouldSucceed();

        Assert.Equal(expected ? "true\n" : "false\n", run.Stdout);
    }
}
