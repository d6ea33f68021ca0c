using BenchmarkDotNet.Attributes;
using Scheduler.Benchmarks.Baseline;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks;

/// <summary>
/// Full timelines of 1,000,000 synthetic child cases: one benchmark operation is all 1M cases on one thread, by the
/// current rules engine and by the frozen previous one (the baseline).
/// </summary>
[MemoryDiagnoser]
public class TimelineBenchmarks
{
    private ChildCaseFacts[] _cases = [];

    /// <summary>Generates the cases once.</summary>
    [GlobalSetup]
    public void Setup() => _cases = SyntheticCases.Create(TimelinesQuick.Count);

    [Benchmark]
    public long Compute_1M_case_timelines() =>
        TimelinesQuick.Compute(_cases, _cases.Length, WorkingDayCalendar.EnglandAndWales, AuthorityParameters.Default);

    [Benchmark(Baseline = true)]
    public long Previous_1M_case_timelines() =>
        TimelinesQuick.ComputeBaseline(_cases, _cases.Length, BaselineWorkingDayCalendar.EnglandAndWales, AuthorityParameters.Default);
}
