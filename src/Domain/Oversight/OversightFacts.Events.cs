using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Oversight;

/// <summary>An episode's facts built from its events, whatever order they arrived in.</summary>
public sealed partial record OversightFacts
{
    /// <summary>
    /// The facts of <paramref name="events"/> (any order gives the same facts) on top of <paramref name="baseFacts"/>;
    /// errors name <c>events[i].field</c>. See <see cref="OversightEventApplier.FromEvents(OversightFacts, IReadOnlyList{OversightEvent}, WorkingDayCalendar, LocalDate?)"/>.
    /// </summary>
    public static OversightFacts FromEvents(OversightFacts baseFacts, IReadOnlyList<OversightEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        OversightEventApplier.FromEvents(baseFacts, events, calendar, today);

    /// <summary>
    /// The facts of the <paramref name="recorded"/> events and a new <paramref name="candidate"/>, which is checked
    /// against all of them first (its errors name its own fields, for example <c>date</c>).
    /// </summary>
    public static OversightFacts FromEvents(OversightFacts baseFacts, IReadOnlyList<OversightEvent> recorded, OversightEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        OversightEventApplier.FromEvents(baseFacts, recorded, candidate, calendar, today);

    /// <summary>What is wrong with <paramref name="candidate"/> beside the <paramref name="recorded"/> events (empty when nothing).</summary>
    public static IReadOnlyList<ValidationError> ValidateNew(OversightFacts baseFacts, IReadOnlyList<OversightEvent> recorded, OversightEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        OversightEventApplier.ValidateNew(baseFacts, recorded, candidate, calendar, today);
}
