using System.Diagnostics;
using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Returns;
using Scheduler.Returns.Report;

namespace Scheduler.Benchmarks;

/// <summary>
/// <c>returns --quick [folder]</c>: writes a synthetic 10,000-child SSDA903 return and CIN census (to the folder, or a
/// temporary one) and times the in-process import of each: read, map, compute every case's milestones and serialise
/// the report, as <c>scheduler import</c> does. <c>returns --generate folder</c> only writes the files (for timing the CLI).
/// </summary>
public static class ReturnsQuick
{
    /// <summary>Children per return.</summary>
    public const int Children = 10_000;

    /// <summary>The date the imports run as of.</summary>
    public static readonly LocalDate Today = new(2026, 5, 20);

    /// <summary>Writes the returns to <paramref name="folder"/>: <c>903/</c> and <c>cin.xml</c>.</summary>
    public static int Generate(string folder)
    {
        SyntheticReturns.Write903(Path.Combine(folder, "903"), Children);
        SyntheticReturns.WriteCin(Path.Combine(folder, "cin.xml"), Children);
        Console.WriteLine($"wrote {Children:N0} children to {Path.Combine(folder, "903")} and {Path.Combine(folder, "cin.xml")}");
        return 0;
    }

    /// <summary>Runs the measurement; returns the process exit code.</summary>
    public static int Run(string? folder)
    {
        var dir = folder ?? Path.Combine(Path.GetTempPath(), $"scheduler-returns-{Environment.ProcessId}");
        Generate(dir);
        var options = new ImportOptions { Today = Today };

        // Warm-up once each, then five timed runs; the median is reported.
        Time("903", () => Import903(dir, options), 1);
        Time("cin", () => ImportCin(dir, options), 1);
        Report("903", Time("903", () => Import903(dir, options), 5));
        Report("cin", Time("cin", () => ImportCin(dir, options), 5));
        if (folder is null)
        {
            Directory.Delete(dir, recursive: true);
        }

        return 0;
    }

    private static (int Cases, int Events, long Bytes) Import903(string dir, ImportOptions options) =>
        Summarise(ReturnImporter.Import903Async(ReturnFile.InFolder(Path.Combine(dir, "903")), options, CancellationToken.None).GetAwaiter().GetResult());

    private static (int Cases, int Events, long Bytes) ImportCin(string dir, ImportOptions options) =>
        Summarise(ReturnImporter.ImportCinAsync(ReturnFile.FromPath(Path.Combine(dir, "cin.xml")), options, CancellationToken.None).GetAwaiter().GetResult());

    private static (int Cases, int Events, long Bytes) Summarise(ImportResult result)
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var json = ImportReport.Build(result, AuthorityParameters.Default, calendar, calendar, Today).ToJson(indented: true);
        return (result.Cases.Count, result.Cases.Sum(c => c.Events.Count), json.Length);
    }

    private static List<(double Ms, (int Cases, int Events, long Bytes) Shape)> Time(string name, Func<(int, int, long)> import, int runs)
    {
        var results = new List<(double, (int, int, long))>();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var shape = import();
            sw.Stop();
            results.Add((sw.Elapsed.TotalMilliseconds, shape));
        }

        return results;
    }

    private static void Report(string name, List<(double Ms, (int Cases, int Events, long Bytes) Shape)> runs)
    {
        var ms = runs.Select(r => r.Ms).Order().ToList();
        var (cases, events, bytes) = runs[0].Shape;
        Console.WriteLine($"{name}: {Children:N0} children -> {cases:N0} cases, {events:N0} events, report {bytes / 1024.0 / 1024.0:F1} MiB; median {ms[ms.Count / 2]:F0} ms (min {ms[0]:F0}, max {ms[^1]:F0}) over {ms.Count} runs");
    }
}
