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

    /// <summary>
    /// Every pair of <paramref name="facts"/> the date-order <paramref name="rules"/> forbid, reported against the
    /// fact dated too early and naming the other by its field.
    /// </summary>
    public void InOrder(OrderRules rules, IEnumerable<DatedFact> facts)
    {
        var reported = new HashSet<(string Field, OrderRule Rule)>();
        foreach (var c in rules.Conflicts([.. facts]))
        {
            if (reported.Add((c.Later.Field, c.Rule)))
            {
                errors.Add(new(c.Later.Field, c.Describe(c.Later, c.Earlier.Field)));
            }
        }
    }
}
