using System.Diagnostics;
using System.IO.Compression;

namespace Scheduler.Infra.Tests.Package;

/// <summary>Runs scripts/package once per test run into a temporary folder and extracts the zip.</summary>
public sealed class PackageBuild
{
    private static readonly Lazy<PackageBuild> Built = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    private PackageBuild(string zipPath, string extracted, string log)
    {
        ZipPath = zipPath;
        Extracted = extracted;
        Log = log;
    }

    /// <summary>The package the script wrote.</summary>
    public string ZipPath { get; }

    /// <summary>Folder the package was extracted into (as the platform does).</summary>
    public string Extracted { get; }

    /// <summary>The script's output.</summary>
    public string Log { get; }

    /// <summary>The package, built on first use.</summary>
    public static PackageBuild Instance => Built.Value;

    private static PackageBuild Build()
    {
        var folder = Directory.CreateTempSubdirectory("scheduler-package-").FullName;
        var zip = Path.Combine(folder, "scheduler-functions.zip");
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepoRoot.Combine("scripts", "package"));
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add(zip);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(6)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("scripts/package took more than 6 minutes");
        }

        var log = stdout + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/package exited {process.ExitCode}:\n{log}");
        }

        var extracted = Path.Combine(folder, "wwwroot");
        ZipFile.ExtractToDirectory(zip, extracted);
        return new PackageBuild(zip, extracted, log);
    }
}
