using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Events;

/// <summary>What applying a list of events, and the fact lists events grow, have in common for episodes and cases.</summary>
internal static class EventSequence
{
    /// <summary>Applies events in order; stops at the first rejected one, whose errors name it by position.</summary>
    public static TFacts ApplyAll<TFacts, TEvent>(TFacts facts, IEnumerable<TEvent> events, Func<TFacts, TEvent, TFacts> apply)
    {
        var i = 0;
        foreach (var e in events)
        {
            try
            {
                facts = apply(facts, e);
            }
            catch (DomainValidationException ex)
            {
                throw new DomainValidationException([.. ex.Errors.Select(err => err with { Field = $"events[{i}].{err.Field}" })]);
            }

            i++;
        }

        return facts;
    }

    /// <summary>
    /// What is wrong with an event's date on its own, before it meets the facts: outside the calendar's years, or in
    /// the future (when <paramref name="today"/> is given) for something that has happened.
    /// </summary>
    public static List<ValidationError> DateErrors(DomainEvent e, WorkingDayCalendar calendar, LocalDate? today)
    {
        var errors = new List<ValidationError>();
        if (!calendar.Covers(e.Date))
        {
            errors.Add(new("date", new CalendarRangeException(e.Date, calendar.FirstYear, calendar.LastYear).Message.Split(" (Parameter", 2)[0]));
        }

        if (today is { } t && e.IsPast && e.Date > t)
        {
            errors.Add(new("date", $"{e.Date:uuuu-MM-dd} is in the future; '{e.Type}' records something that has happened."));
        }

        return errors;
    }

    /// <summary>The dates with <paramref name="date"/> added, sorted; recording the same date twice changes nothing.</summary>
    public static IReadOnlyList<LocalDate> AddDate(IReadOnlyList<LocalDate> dates, LocalDate date)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (dates[i] == date)
            {
                return dates;
            }
        }

        var list = new List<LocalDate>(dates.Count + 1);
        list.AddRange(dates);
        list.Add(date);
        list.Sort();
        return list;
    }

    /// <summary>A copy of <paramref name="map"/> with <paramref name="key"/> set to <paramref name="date"/>.</summary>
    public static IReadOnlyDictionary<string, LocalDate> WithDate(IReadOnlyDictionary<string, LocalDate> map, string key, LocalDate date) =>
        new Dictionary<string, LocalDate>(map, StringComparer.Ordinal) { [key] = date };
}
