namespace Scheduler.Benchmarks;

/// <summary><c>timelines --quick</c>: full timelines of 1,000,000 synthetic child cases on one thread.</summary>
public static class TimelinesQuick
{
    /// <summary>Runs the measurement; returns the process exit code.</summary>
    public static int Run()
    {
        Console.Error.WriteLine("timelines: the rules engine is not merged yet.");
        return 1;
    }
}
