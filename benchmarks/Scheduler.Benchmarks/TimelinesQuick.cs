using System.Runtime.CompilerServices;
using NodaTime;
using Scheduler.Benchmarks.Baseline;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using static Scheduler.Benchmarks.Machine;

namespace Scheduler.Benchmarks;

/// <summary>
/// <c>timelines --quick</c>: full timelines of 1,000,000 synthetic child cases on one thread, the current rules
/// engine and the frozen previous one (<see cref="BaselineChildCaseCalendar"/>) in the same process: every case's
/// output compared, then timed passes alternating between the two, with allocation per case.
/// </summary>
public static class TimelinesQuick
{
    /// <summary>Cases per run.</summary>
    public const int Count = 1_000_000;

    private const int Passes = 5;

    /// <summary>Runs the measurement; returns the process exit code (1 if the two implementations disagree).</summary>
    public static int Run()
    {
        Console.WriteLine($"Generating {Count:N0} synthetic child cases (half child protection, half looked after; seed {RandomWorkload.Seed})...");
        var cases = SyntheticCases.Create(Count);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var baseline = BaselineWorkingDayCalendar.EnglandAndWales;
        var parameters = AuthorityParameters.Default;

        // Warm-up: the first 50,000 cases, three times each, so the timed passes run optimised code.
        for (var round = 0; round < 3; round++)
        {
            Compute(cases, 50_000, calendar, parameters);
            ComputeBaseline(cases, 50_000, baseline, parameters);
        }

        // Check before timing: every case's milestones must equal the previous implementation's, field by field
        // (Milestone is a record, so Equals compares every property).
        var mismatches = 0;
        ulong checksum = Fnv.Offset, baselineChecksum = Fnv.Offset;
        for (var i = 0; i < cases.Length; i++)
        {
            var now = ChildCaseCalendar.Compute(cases[i], parameters, calendar, calendar, SyntheticCases.Today);
            var before = BaselineChildCaseCalendar.Compute(cases[i], parameters, baseline, baseline, SyntheticCases.Today);
            checksum = Checksum(checksum, now);
            baselineChecksum = Checksum(baselineChecksum, before);
            if (!now.SequenceEqual(before) && mismatches++ < 5)
            {
                Console.WriteLine($"MISMATCH case {cases[i].CaseReference}: {now.Count} milestones, previously {before.Count}");
            }
        }

        Console.WriteLine(mismatches == 0 && checksum == baselineChecksum
            ? F($"check: all {Count:N0} timelines identical to the previous implementation's (checksum {checksum:x16})")
            : F($"check: {mismatches:N0} timelines differ (checksum {checksum:x16}, previously {baselineChecksum:x16})"));

        // Alternate the order of the two in each pass, so neither always runs in the quieter moment.
        var current = new List<Pass>();
        var previous = new List<Pass>();
        long milestones = 0;
        for (var pass = 0; pass < Passes; pass++)
        {
            var currentFirst = pass % 2 == 0;
            if (!currentFirst)
            {
                previous.Add(Pass.Measure(() => ComputeBaseline(cases, cases.Length, baseline, parameters)));
            }

            current.Add(Pass.Measure(() => milestones = Compute(cases, cases.Length, calendar, parameters)));
            if (currentFirst)
            {
                previous.Add(Pass.Measure(() => ComputeBaseline(cases, cases.Length, baseline, parameters)));
            }

            Console.WriteLine(F($"pass {pass + 1}: current {Describe(current[^1])} | previous {Describe(previous[^1])}"));
        }

        Console.WriteLine(F($"milestones computed: {milestones:N0} ({(double)milestones / Count:F1} per case)"));
        var best = current.MinBy(p => p.Wall);
        var bestPrevious = previous.MinBy(p => p.Wall);
        var median = current.OrderBy(p => p.Wall).ElementAt(Passes / 2);
        var medianPrevious = previous.OrderBy(p => p.Wall).ElementAt(Passes / 2);
        Console.WriteLine(F($"current:  best {best.Wall.TotalSeconds:F3} s (CPU {best.Cpu.TotalSeconds:F3} s, load {best.LoadAverage}), median {median.Wall.TotalSeconds:F3} s, {PerCase(best):F0} B/case"));
        Console.WriteLine(F($"previous: best {bestPrevious.Wall.TotalSeconds:F3} s (CPU {bestPrevious.Cpu.TotalSeconds:F3} s, load {bestPrevious.LoadAverage}), median {medianPrevious.Wall.TotalSeconds:F3} s, {PerCase(bestPrevious):F0} B/case"));
        Console.WriteLine(F($"timelines: {Count} cases in {best.Wall.TotalSeconds:F3} s ({best.Wall.TotalNanoseconds / Count:F0} ns/case), {PerCase(best):F0} B/case; previous implementation {bestPrevious.Wall.TotalSeconds:F3} s, {PerCase(bestPrevious):F0} B/case; ratio {bestPrevious.Wall / best.Wall:F2} (medians {medianPrevious.Wall / median.Wall:F2}), allocation ratio {PerCase(bestPrevious) / PerCase(best):F2}"));
        return mismatches == 0 && checksum == baselineChecksum ? 0 : 1;
    }

    /// <summary>
    /// <c>timelines --profile [previous]</c>: one implementation only (the current one, or the frozen previous one),
    /// <paramref name="passes"/> passes and no check, to run under <c>perf record</c> so that the samples are the
    /// rules engine's and not the harness's.
    /// </summary>
    public static int Profile(bool previous, int passes = 10)
    {
        var cases = SyntheticCases.Create(Count);
        for (var pass = 0; pass < passes; pass++)
        {
            var p = previous
                ? Pass.Measure(() => ComputeBaseline(cases, cases.Length, BaselineWorkingDayCalendar.EnglandAndWales, AuthorityParameters.Default))
                : Pass.Measure(() => Compute(cases, cases.Length, WorkingDayCalendar.EnglandAndWales, AuthorityParameters.Default));
            Console.WriteLine(F($"pass {pass + 1}: {Describe(p)}"));
        }

        return 0;
    }

    /// <summary>Computes every case's timeline; returns the number of milestones (so nothing is optimised away).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Compute(ChildCaseFacts[] cases, int count, WorkingDayCalendar calendar, AuthorityParameters parameters)
    {
        long milestones = 0;
        for (var i = 0; i < count; i++)
        {
            milestones += ChildCaseCalendar.Compute(cases[i], parameters, calendar, calendar, SyntheticCases.Today).Count;
        }

        return milestones;
    }

    /// <summary>The same with the frozen previous implementation.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ComputeBaseline(ChildCaseFacts[] cases, int count, BaselineWorkingDayCalendar calendar, AuthorityParameters parameters)
    {
        long milestones = 0;
        for (var i = 0; i < count; i++)
        {
            milestones += BaselineChildCaseCalendar.Compute(cases[i], parameters, calendar, calendar, SyntheticCases.Today).Count;
        }

        return milestones;
    }

    private static double PerCase(Pass pass) => (double)pass.AllocatedBytes / Count;

    private static string Describe(Pass pass) =>
        F($"{pass.Wall.TotalSeconds:F3} s wall, {pass.Cpu.TotalSeconds:F3} s CPU, {PerCase(pass):F0} B/case, {pass.Gen0Collections} gen0 GCs, load {pass.LoadAverage}");

    // A checksum that is the same in every process (string.GetHashCode is randomised per process), over every
    // field a caller sees, so that a behaviour change shows in the printed value across commits too.
    private static ulong Checksum(ulong hash, IReadOnlyList<Milestone> milestones)
    {
        hash = Fnv.Add(hash, milestones.Count);
        foreach (var m in milestones)
        {
            hash = Fnv.Add(hash, m.Rule);
            hash = Fnv.Add(hash, m.Sequence);
            hash = Fnv.Add(hash, m.Cycle);
            hash = Fnv.Add(hash, m.Step ?? string.Empty);
            hash = Fnv.Add(hash, m.Title);
            hash = Fnv.Add(hash, (int)m.Group);
            hash = Fnv.Add(hash, Day(m.Earliest));
            hash = Fnv.Add(hash, Day(m.Due));
            hash = Fnv.Add(hash, Day(m.Effective));
            hash = Fnv.Add(hash, Day(m.Met));
            hash = Fnv.Add(hash, (int)m.Status);
            hash = Fnv.Add(hash, m.Informational ? 1 : 0);
            hash = Fnv.Add(hash, m.Source);
            hash = Fnv.Add(hash, m.Audience.Count);
            foreach (var role in m.Audience)
            {
                hash = Fnv.Add(hash, (int)role);
            }

            hash = Fnv.Add(hash, m.Alternative is { } a ? a.Reading : string.Empty);
            hash = Fnv.Add(hash, Day(m.Alternative?.Earliest));
            hash = Fnv.Add(hash, Day(m.Alternative?.Due));
        }

        return hash;
    }

    private static int Day(LocalDate? date) => date is { } d ? (d.Year * 10_000) + (d.Month * 100) + d.Day : 0;

    private static class Fnv
    {
        public const ulong Offset = 14695981039346656037;
        private const ulong Prime = 1099511628211;

        public static ulong Add(ulong hash, int value)
        {
            for (var i = 0; i < 4; i++, value >>= 8)
            {
                hash = (hash ^ (byte)value) * Prime;
            }

            return hash;
        }

        // Titles, sources and rule ids are the rules' own string instances, so each is hashed once.
        private static readonly Dictionary<string, ulong> Strings = new(ReferenceEqualityComparer.Instance);

        public static ulong Add(ulong hash, string value)
        {
            if (!Strings.TryGetValue(value, out var own))
            {
                own = Offset;
                foreach (var c in value)
                {
                    own = (own ^ c) * Prime;
                }

                Strings[value] = own;
            }

            return Add(Add(hash, (int)own), (int)(own >> 32));
        }
    }
}
