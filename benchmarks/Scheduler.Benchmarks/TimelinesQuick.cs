using System.Diagnostics;
using System.Globalization;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks;

/// <summary><c>timelines --quick</c>: full timelines of 1,000,000 synthetic child cases on one thread.</summary>
public static class TimelinesQuick
{
    /// <summary>Cases per run.</summary>
    public const int Count = 1_000_000;

    /// <summary>Runs the measurement; returns the process exit code.</summary>
    public static int Run()
    {
        Console.WriteLine($"Generating {Count:N0} synthetic child cases (half child protection, half looked after; seed {RandomWorkload.Seed})...");
        var cases = SyntheticCases.Create(Count);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var parameters = AuthorityParameters.Default;

        // Warm-up: the first 50,000 cases, three times, so the timed pass runs optimised code.
        for (var round = 0; round < 3; round++)
        {
            Compute(cases, 50_000, calendar, parameters);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var milestones = Compute(cases, cases.Length, calendar, parameters);
        sw.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        Console.WriteLine($"milestones computed: {milestones:N0} ({(double)milestones / Count:F1} per case)");

        // On a shared machine wall time includes time spent waiting for a core; the process CPU time shows it.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process CPU time during the timed pass: {cpu.TotalSeconds:F2} s (load average {LoadAverage()})"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"timelines: {Count} cases in {sw.Elapsed.TotalSeconds:F2} s ({sw.Elapsed.TotalNanoseconds / Count:F0} ns/case)"));
        return 0;
    }

    /// <summary>The 1-minute load average from /proc/loadavg, or "n/a" off Linux.</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>Computes every case's timeline; returns the number of milestones (so nothing is optimised away).</summary>
    public static long Compute(ChildCaseFacts[] cases, int count, WorkingDayCalendar calendar, AuthorityParameters parameters)
    {
        long milestones = 0;
        for (var i = 0; i < count; i++)
        {
            milestones += ChildCaseCalendar.Compute(cases[i], parameters, calendar, calendar, SyntheticCases.Today).Count;
        }

        return milestones;
    }
}
