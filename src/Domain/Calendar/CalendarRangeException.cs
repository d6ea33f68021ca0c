using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>A date, or the result of date arithmetic, falls outside the years the working-day calendar knows.</summary>
public sealed class CalendarRangeException : ArgumentOutOfRangeException
{
    public CalendarRangeException(LocalDate date, int firstYear, int lastYear)
        : base(nameof(date), $"{date:uuuu-MM-dd} is outside the working-day calendar, which covers {firstYear}–{lastYear}.")
    {
        Date = date;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    public CalendarRangeException(string message, int firstYear, int lastYear)
        : base(null, message)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The offending date, when a single date was out of range.</summary>
    public LocalDate? Date { get; }

    public int FirstYear { get; }

    public int LastYear { get; }
}
