using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Returns;

/// <summary>How to read a return: today's date (nothing that happened may be later), the collection year whose code lists apply, and the working-day calendar whose years dates must fall in.</summary>
public sealed record ImportOptions
{
    /// <summary>Today in Europe/London, from the caller's clock: an event dated later is reported, not imported.</summary>
    public required LocalDate Today { get; init; }

    /// <summary>The collection year whose code lists apply; null takes it from the return (CIN header) or from <see cref="Today"/>.</summary>
    public CollectionYear? Year { get; init; }

    /// <summary>The calendar the rules count on; a date outside its years is reported.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.EnglandAndWales;
}
