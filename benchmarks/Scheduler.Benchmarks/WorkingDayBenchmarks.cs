using BenchmarkDotNet.Attributes;
using NodaTime;
using Scheduler.Benchmarks.Baseline;
using Scheduler.Domain.Calendar;

namespace Scheduler.Benchmarks;

/// <summary>Shared inputs: 4,096 random pairs per invocation, reported per operation.</summary>
public abstract class WorkingDayBenchmarkBase
{
    /// <summary>Operations per benchmark invocation.</summary>
    public const int N = 4096;

    protected LocalDate[] Dates { get; private set; } = [];

    protected int[] Offsets { get; private set; } = [];

    protected LocalDate[] Ends { get; private set; } = [];

    protected WorkingDayCalendar Fast { get; } = WorkingDayCalendar.EnglandAndWales;

    protected NaiveWorkingDayCalendar Naive { get; } = NaiveWorkingDayCalendar.EnglandAndWales;

    protected BaselineWorkingDayCalendar Previous { get; } = BaselineWorkingDayCalendar.EnglandAndWales;

    /// <summary>Generates the inputs once per benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var work = RandomWorkload.Create(N);
        Dates = work.Dates;
        Offsets = work.Offsets;
        Ends = work.Ends;
    }
}

/// <summary>AddWorkingDays: the precomputed calendar (current and previous) vs stepping day by day.</summary>
[MemoryDiagnoser]
public class AddWorkingDaysBenchmarks : WorkingDayBenchmarkBase
{
    [Benchmark(OperationsPerInvoke = N)]
    public int Previous_AddWorkingDays()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Previous.AddWorkingDays(Dates[i], Offsets[i]).Day;
        }

        return acc;
    }

    [Benchmark(OperationsPerInvoke = N)]
    public int Fast_AddWorkingDays()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Fast.AddWorkingDays(Dates[i], Offsets[i]).Day;
        }

        return acc;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public int Naive_AddWorkingDays()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Naive.AddWorkingDays(Dates[i], Offsets[i]).Day;
        }

        return acc;
    }
}

/// <summary>IsWorkingDay: array lookup vs weekday test plus hash set.</summary>
[MemoryDiagnoser]
public class IsWorkingDayBenchmarks : WorkingDayBenchmarkBase
{
    [Benchmark(OperationsPerInvoke = N)]
    public int Fast_IsWorkingDay()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Fast.IsWorkingDay(Dates[i]) ? 1 : 0;
        }

        return acc;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public int Naive_IsWorkingDay()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Naive.IsWorkingDay(Dates[i]) ? 1 : 0;
        }

        return acc;
    }
}

/// <summary>WorkingDaysBetween over spans of up to a year either way.</summary>
[MemoryDiagnoser]
public class WorkingDaysBetweenBenchmarks : WorkingDayBenchmarkBase
{
    [Benchmark(OperationsPerInvoke = N)]
    public int Fast_WorkingDaysBetween()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Fast.WorkingDaysBetween(Dates[i], Ends[i]);
        }

        return acc;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public int Naive_WorkingDaysBetween()
    {
        var acc = 0;
        for (var i = 0; i < N; i++)
        {
            acc += Naive.WorkingDaysBetween(Dates[i], Ends[i]);
        }

        return acc;
    }
}
