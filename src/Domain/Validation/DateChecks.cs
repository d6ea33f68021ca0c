using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Domain.Validation;

/// <summary>Small date checks shared by the fact validators, each adding a field error instead of throwing.</summary>
internal sealed class DateChecks(WorkingDayCalendar calendar, List<ValidationError> errors)
{
    public List<ValidationError> Errors => errors;

    /// <summary>The date lies within the calendar's years (so every rule can count from it).</summary>
    public bool InRange(string field, LocalDate date)
    {
        if (calendar.Covers(date))
        {
            return true;
        }

        var range = new CalendarRangeException(date, calendar.FirstYear, calendar.LastYear);
        errors.Add(new(field, range.Message.Split(" (Parameter", 2)[0]));
        return false;
    }

    public void InRange(string field, LocalDate? date)
    {
        if (date is { } d)
        {
            InRange(field, d);
        }
    }

    public void InRange(string field, IReadOnlyList<LocalDate> dates)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            InRange($"{field}[{i}]", dates[i]);
        }
    }

    /// <summary><paramref name="date"/> must not be before <paramref name="earliest"/>.</summary>
    public void NotBefore(string field, LocalDate? date, LocalDate? earliest, string earliestName)
    {
        if (date is { } d && earliest is { } e && d < e)
        {
            errors.Add(new(field, $"{d:uuuu-MM-dd} is before {earliestName} ({e:uuuu-MM-dd})."));
        }
    }

    public void NotBefore(string field, IReadOnlyList<LocalDate> dates, LocalDate? earliest, string earliestName)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            NotBefore($"{field}[{i}]", dates[i], earliest, earliestName);
        }
    }

    /// <summary><paramref name="date"/> must not be after <paramref name="latest"/>.</summary>
    public void NotAfter(string field, LocalDate? date, LocalDate? latest, string latestName)
    {
        if (date is { } d && latest is { } l && d > l)
        {
            errors.Add(new(field, $"{d:uuuu-MM-dd} is after {latestName} ({l:uuuu-MM-dd})."));
        }
    }

    public void NotAfter(string field, IReadOnlyList<LocalDate> dates, LocalDate? latest, string latestName)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            NotAfter($"{field}[{i}]", dates[i], latest, latestName);
        }
    }

    /// <summary>A field that another event needs first.</summary>
    public void Requires(string field, bool present, LocalDate? prerequisite, string prerequisiteName)
    {
        if (present && prerequisite is null)
        {
            errors.Add(new(field, $"Cannot be recorded before {prerequisiteName} is recorded."));
        }
    }
}
