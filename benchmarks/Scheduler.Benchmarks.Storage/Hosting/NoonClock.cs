using System.Diagnostics;
using NodaTime;
using Scheduler.Application;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// The benchmark's clock: noon in London on a fixed day, then running in real time, so "today" stays put for a
/// run of up to twelve hours while claims, leases and timestamps still see time pass.
/// </summary>
public sealed class NoonClock(LocalDate today) : IClock
{
    private readonly Instant _start = today.At(new LocalTime(12, 0)).InZoneLeniently(SchedulerTime.London).ToInstant();
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _start + Duration.FromTimeSpan(_elapsed.Elapsed);
}
