using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Events;

/// <summary>
/// Turns a subject's events into facts whatever order they arrived in, for episodes and cases alike: the events are
/// a set of dated facts, folded in a canonical order, and checked pair by pair against the date-order rules.
/// </summary>
internal static class EventSequence
{
    /// <summary>
    /// The facts <paramref name="events"/> give on top of <paramref name="baseFacts"/>, in any order. Every event is
    /// checked (its own fields, then each pair the date-order rules forbid, blamed on the one later in the list);
    /// errors name it as <c>events[i].field</c>, <c>i</c> its index in <paramref name="events"/>.
    /// </summary>
    public static TFacts FromEvents<TFacts, TEvent>(
        EventModel<TFacts, TEvent> model, TFacts baseFacts, IReadOnlyList<TEvent> events, WorkingDayCalendar calendar, LocalDate? today)
        where TEvent : DomainEvent
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < events.Count; i++)
        {
            foreach (var error in OwnErrors(model, baseFacts, events[i], calendar, today))
            {
                errors.Add(error with { Field = $"events[{i}].{error.Field}" });
            }
        }

        var reported = new HashSet<(int Event, OrderRule Rule, bool TooEarly)>();
        foreach (var c in model.Order.Conflicts(Dated(model, baseFacts, events)))
        {
            if (c.Later.Event == DatedFact.Base && c.Earlier.Event == DatedFact.Base)
            {
                // Already in the facts: the facts validator reports it; events are judged on what they add.
                continue;
            }

            var blamed = c.Later.Event > c.Earlier.Event ? c.Later : c.Earlier;
            if (reported.Add((blamed.Event, c.Rule, blamed == c.Later)))
            {
                errors.Add(new($"events[{blamed.Event}].date", c.Describe(blamed, Other(c, blamed).Kind)));
            }
        }

        return errors.Count == 0 ? Fold(model, baseFacts, events) : throw new DomainValidationException(errors);
    }

    /// <summary>
    /// What <paramref name="candidate"/> would bring in beside <paramref name="recorded"/>: errors in its own fields
    /// (<c>date</c>, and for example <c>interval_months</c>) and every pair it would form that the date-order rules
    /// forbid, naming the other event by type and date. Pairs among the recorded events are not judged again.
    /// </summary>
    public static List<ValidationError> ValidateNew<TFacts, TEvent>(
        EventModel<TFacts, TEvent> model, TFacts baseFacts, IReadOnlyList<TEvent> recorded, TEvent candidate, WorkingDayCalendar calendar, LocalDate? today)
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var errors = OwnErrors(model, baseFacts, candidate, calendar, today);
        var index = recorded.Count;
        var reported = new HashSet<(OrderRule Rule, bool TooEarly)>();
        foreach (var c in model.Order.Conflicts(Dated(model, baseFacts, [.. recorded, candidate])))
        {
            var blamed = c.Later.Event == index ? c.Later : c.Earlier.Event == index ? c.Earlier : (DatedFact?)null;
            if (blamed is { } b && reported.Add((c.Rule, b == c.Later)))
            {
                errors.Add(new("date", c.Describe(b, Other(c, b).Kind)));
            }
        }

        return errors;
    }

    /// <summary>
    /// The events in canonical order: by date, then by the fixed order of event types on one day, then by position
    /// in the list (so of two events of one type on one day that differ in detail, the one recorded later wins).
    /// </summary>
    public static IReadOnlyList<TEvent> Canonical<TEvent>(IReadOnlyList<TEvent> events, IReadOnlyList<string> sameDayPrecedence)
        where TEvent : DomainEvent
    {
        var rank = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sameDayPrecedence.Count; i++)
        {
            rank.TryAdd(sameDayPrecedence[i], i);
        }

        // OrderBy is stable: equal keys keep their positions, the final tie-break.
        return [.. events
            .OrderBy(e => e.Date)
            .ThenBy(e => rank.TryGetValue(e.Type, out var r) ? r : sameDayPrecedence.Count)
            .ThenBy(e => e.Type, StringComparer.Ordinal)];
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

    /// <summary>A single date recorded again keeps the later of the two, as if the events had arrived in date order.</summary>
    public static LocalDate Latest(LocalDate? current, LocalDate date) => current is { } c && c > date ? c : date;

    /// <summary>A single date that keeps the earlier of the two (the strategy discussion at which enquiries started).</summary>
    public static LocalDate Earliest(LocalDate? current, LocalDate date) => current is { } c && c < date ? c : date;

    /// <summary>The latest of <paramref name="dates"/>, or null when there are none (lists hold dates in any order).</summary>
    public static LocalDate? Max(IReadOnlyList<LocalDate> dates)
    {
        LocalDate? max = null;
        foreach (var d in dates)
        {
            max = Latest(max, d);
        }

        return max;
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

    /// <summary>
    /// A copy of <paramref name="map"/> with <paramref name="key"/> done on <paramref name="date"/>; a milestone
    /// recorded as done twice keeps the later date.
    /// </summary>
    public static IReadOnlyDictionary<string, LocalDate> WithDate(IReadOnlyDictionary<string, LocalDate> map, string key, LocalDate date) =>
        map.TryGetValue(key, out var current) && current >= date
            ? map
            : new Dictionary<string, LocalDate>(map, StringComparer.Ordinal) { [key] = date };

    private static List<ValidationError> OwnErrors<TFacts, TEvent>(
        EventModel<TFacts, TEvent> model, TFacts baseFacts, TEvent e, WorkingDayCalendar calendar, LocalDate? today)
        where TEvent : DomainEvent
    {
        ArgumentNullException.ThrowIfNull(e);
        var errors = DateErrors(e, calendar, today);
        errors.AddRange(model.FieldErrors(baseFacts, e));
        return errors;
    }

    private static List<DatedFact> Dated<TFacts, TEvent>(EventModel<TFacts, TEvent> model, TFacts baseFacts, IReadOnlyList<TEvent> events)
        where TEvent : DomainEvent
    {
        var dated = new List<DatedFact>(model.DatedFacts(baseFacts));
        for (var i = 0; i < events.Count; i++)
        {
            dated.Add(new DatedFact(events[i].Type, events[i].Date, "date", i));
        }

        return dated;
    }

    private static TFacts Fold<TFacts, TEvent>(EventModel<TFacts, TEvent> model, TFacts baseFacts, IReadOnlyList<TEvent> events)
        where TEvent : DomainEvent
    {
        var facts = baseFacts;
        foreach (var e in Canonical(events, model.SameDayPrecedence))
        {
            facts = model.Fold(facts, e);
        }

        return facts;
    }

    private static DatedFact Other(OrderConflict c, DatedFact blamed) => blamed == c.Later ? c.Earlier : c.Later;
}
