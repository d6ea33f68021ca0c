using NodaTime;

namespace Scheduler.Cli.Tests;

/// <summary>Runs the CLI in-process through its entry point, capturing stdout, stderr and the exit code.</summary>
internal static class Cli
{
    public static CliRun Run(params string[] args) => Run(FixedClock.On(2018, 1, 15), args);

    public static CliRun Run(IClock clock, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = CliApp.Run(args, new CliContext(stdout, stderr, clock));
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public CliRun ShouldSucceed()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}; stderr: {Stderr}");
        Assert.Equal(string.Empty, Stderr);
        return this;
    }
}
