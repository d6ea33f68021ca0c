namespace Scheduler.Cli.Tests;

public sealed class ErrorHandlingTests
{
    [Theory]
    [InlineData("workdays", "is", "2017-13-01")]
    [InlineData("workdays", "is", "04/09/2017")]
    [InlineData("workdays", "is", "1989-12-31")]
    [InlineData("workdays", "is", "2041-01-01")]
    [InlineData("workdays", "add", "not-a-date", "--days", "3")]
    [InlineData("workdays", "add", "2017-09-04", "--days", "three")]
    [InlineData("workdays", "add", "2017-09-04")]
    [InlineData("workdays", "add", "2040-12-28", "--days", "30")]
    [InlineData("workdays", "count", "2017-09-04", "2017-02-30")]
    [InlineData("holidays", "--format", "xml")]
    [InlineData("frobnicate")]
    public void Bad_input_exits_2_with_one_line_on_stderr_and_nothing_on_stdout(params string[] args)
    {
        var run = Cli.Run(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        var lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("scheduler: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_names_the_bad_value()
    {
        var run = Cli.Run("workdays", "is", "2017-13-01");

        Assert.Contains("2017-13-01", run.Stderr, StringComparison.Ordinal);
    }
}
