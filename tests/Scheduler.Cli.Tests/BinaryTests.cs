using System.Diagnostics;

namespace Scheduler.Cli.Tests;

/// <summary>Launches the built <c>scheduler</c> executable, to check the real entry point and process exit codes.</summary>
public sealed class BinaryTests
{
    [Fact]
    public void Built_binary_adds_working_days()
    {
        var (code, stdout, stderr) = Launch("workdays", "add", "2017-09-04", "--days", "70");

        Assert.Equal(0, code);
        Assert.Equal("2017-12-11", stdout.Trim());
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void Built_binary_exits_2_on_a_bad_date()
    {
        var (code, stdout, stderr) = Launch("workdays", "is", "2017-02-30");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n', '\r').Split('\n'));
    }

    private static (int Code, string Stdout, string Stderr) Launch(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "scheduler.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "scheduler did not exit within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
