using NodaTime;
using NodaTime.Text;

namespace Scheduler.Application.Demo;

/// <summary>
/// The clock of a demo run (<c>SCHEDULER_TODAY=2017-12-01</c>): it starts on the given day in London at the
/// current time of day and then runs in real time, so timers still fire and the demo day rolls over at midnight.
/// </summary>
public sealed class DemoClock : IClock
{
    /// <summary>The configuration key (environment variable) that sets the demo day for local runs.</summary>
    public const string TodayVariable = "SCHEDULER_TODAY";

    private readonly IClock _system;
    private readonly Duration _shift;

    /// <summary>A clock that reads <paramref name="today"/> now and advances with <paramref name="system"/>.</summary>
    public DemoClock(LocalDate today, IClock system)
    {
        _system = system;
        var now = system.GetCurrentInstant();
        var timeOfDay = now.InZone(SchedulerTime.London).TimeOfDay;
        _shift = today.At(timeOfDay).InZoneLeniently(SchedulerTime.London).ToInstant() - now;
    }

    /// <summary>Parses <c>yyyy-MM-dd</c>; throws with the variable's name when malformed.</summary>
    public static DemoClock Parse(string today, IClock system)
    {
        var result = LocalDatePattern.Iso.Parse(today.Trim());
        return result.Success
            ? new DemoClock(result.Value, system)
            : throw new InvalidOperationException($"{TodayVariable} must be a yyyy-MM-dd date, not '{today}'.");
    }

    /// <inheritdoc />
    public Instant GetCurrentInstant() => _system.GetCurrentInstant() + _shift;
}
