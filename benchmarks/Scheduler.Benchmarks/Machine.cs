using System.Diagnostics;
using System.Globalization;

namespace Scheduler.Benchmarks;

/// <summary>What the quick modes print next to each figure, because the machine is shared and noisy.</summary>
public static class Machine
{
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

    /// <summary>CPU time used so far by the whole process (every thread, the GC's included).</summary>
    public static TimeSpan ProcessCpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Formats with the invariant culture (the quick modes' output is parsed by eye and by scripts).</summary>
    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One timed pass: wall time, process CPU time, bytes allocated on the timing thread, gen-0 collections.</summary>
public readonly record struct Pass(TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, int Gen0Collections, string LoadAverage)
{
    /// <summary>Runs <paramref name="body"/> once after a full collection and measures it.</summary>
    public static Pass Measure(Action body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var load = Machine.LoadAverage();
        var gen0 = GC.CollectionCount(0);
        var cpu = Machine.ProcessCpuTime();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        body();
        sw.Stop();
        var allocatedAfter = GC.GetAllocatedBytesForCurrentThread();
        return new Pass(sw.Elapsed, Machine.ProcessCpuTime() - cpu, allocatedAfter - allocated, GC.CollectionCount(0) - gen0, load);
    }
}
