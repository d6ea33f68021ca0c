using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Children;

/// <summary>A case's facts built from its events, whatever order they arrived in.</summary>
public sealed partial record ChildCaseFacts
{
    /// <summary>
    /// The facts of <paramref name="events"/> (any order gives the same facts) on top of <paramref name="baseFacts"/>;
    /// errors name <c>events[i].field</c>. See <see cref="ChildCaseEventApplier.FromEvents(ChildCaseFacts, IReadOnlyList{ChildCaseEvent}, WorkingDayCalendar, LocalDate?)"/>.
    /// </summary>
    public static ChildCaseFacts FromEvents(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        ChildCaseEventApplier.FromEvents(baseFacts, events, calendar, today);

    /// <summary>
    /// The facts of the <paramref name="recorded"/> events and a new <paramref name="candidate"/>, which is checked
    /// against all of them first (its errors name its own fields, for example <c>date</c>).
    /// </summary>
    public static ChildCaseFacts FromEvents(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> recorded, ChildCaseEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        ChildCaseEventApplier.FromEvents(baseFacts, recorded, candidate, calendar, today);

    /// <summary>What is wrong with <paramref name="candidate"/> beside the <paramref name="recorded"/> events (empty when nothing).</summary>
    public static IReadOnlyList<ValidationError> ValidateNew(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> recorded, ChildCaseEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        ChildCaseEventApplier.ValidateNew(baseFacts, recorded, candidate, calendar, today);
}
