using NodaTime;
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
