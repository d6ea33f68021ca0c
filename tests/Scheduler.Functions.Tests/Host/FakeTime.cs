using NodaTime;
using Scheduler.Functions.Triggers;

namespace Scheduler.Functions.Tests.Host;

/// <summary>A settable clock (NodaTime.Testing is not available here).</summary>
internal sealed class FakeClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    public void Advance(Duration by) => Interlocked.Add(ref _ticks, by.BclCompatibleTicks);
}

/// <summary>A delay that moves the fake clock forward instead of sleeping.</summary>
internal sealed class SteppingDelay(FakeClock clock) : IDelay
{
    public List<TimeSpan> Requested { get; } = [];

    public async Task DelayAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Requested)
        {
            Requested.Add(duration);
        }

        clock.Advance(Duration.FromTimeSpan(duration));
        await Task.Yield();
    }
}
