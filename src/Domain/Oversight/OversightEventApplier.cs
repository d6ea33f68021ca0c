using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Oversight;

/// <summary>
/// Turns oversight events into an episode's facts whatever order they arrive in, rejecting impossible ones: the
/// events are a set of dated facts (see <see cref="OversightDateOrder"/> for the pairs of dates that cannot be).
/// </summary>
public static class OversightEventApplier
{
    private static readonly EventModel<OversightFacts, OversightEvent> Model = new(
        OversightDateOrder.Rules,
        EventTypes.Oversight,
        OversightDateOrder.Of,
        FieldErrors,
        Fold);

    /// <summary>
    /// The facts of <paramref name="events"/> (in any order) on top of <paramref name="baseFacts"/>. Throws
    /// <see cref="DomainValidationException"/> with every error, each naming the event as <c>events[i].field</c>
    /// (<c>i</c> its index in <paramref name="events"/>): a date outside the calendar, in the future for something
    /// that has happened (when <paramref name="today"/> is given), or in an impossible order with another event or a
    /// base fact such as the report's receipt (blamed on the one later in the list, naming the other by type and date).
    /// </summary>
    public static OversightFacts FromEvents(OversightFacts baseFacts, IReadOnlyList<OversightEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.FromEvents(Model, baseFacts, events, calendar, today);

    /// <summary>
    /// The facts of <paramref name="recorded"/> and <paramref name="candidate"/>: the candidate is checked first
    /// (<see cref="ValidateNew"/>; its errors name its own fields, for example <c>date</c>), then the whole set as
    /// in <see cref="FromEvents(OversightFacts, IReadOnlyList{OversightEvent}, WorkingDayCalendar, LocalDate?)"/>.
    /// </summary>
    public static OversightFacts FromEvents(OversightFacts baseFacts, IReadOnlyList<OversightEvent> recorded, OversightEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var errors = ValidateNew(baseFacts, recorded, candidate, calendar, today);
        return errors.Count == 0
            ? FromEvents(baseFacts, [.. recorded, candidate], calendar)
            : throw new DomainValidationException(errors);
    }

    /// <summary>
    /// What is wrong with <paramref name="candidate"/> beside the events already <paramref name="recorded"/> (empty
    /// when nothing): its own fields, and each recorded event or base fact it cannot stand with, named by type and date.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateNew(OversightFacts baseFacts, IReadOnlyList<OversightEvent> recorded, OversightEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.ValidateNew(Model, baseFacts, recorded, candidate, calendar, today);

    /// <summary>
    /// The facts with <paramref name="e"/> added, checked against the facts as they stand. Re-applying an event
    /// already recorded changes nothing (messages are delivered at least once). Errors name the event's own fields
    /// (<c>date</c>). When the events themselves are at hand, prefer
    /// <see cref="FromEvents(OversightFacts, IReadOnlyList{OversightEvent}, OversightEvent, WorkingDayCalendar, LocalDate?)"/>.
    /// </summary>
    public static OversightFacts Apply(this OversightFacts facts, OversightEvent e, WorkingDayCalendar calendar, LocalDate? today = null) =>
        FromEvents(facts, [], e, calendar, today);

    /// <summary>The facts of <paramref name="events"/> on top of these, in any order (errors name <c>events[i]</c>).</summary>
    public static OversightFacts ApplyAll(this OversightFacts facts, IEnumerable<OversightEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        FromEvents(facts, [.. events], calendar, today);

    private static IEnumerable<ValidationError> FieldErrors(OversightFacts facts, OversightEvent e)
    {
        switch (e)
        {
            case FocusedVisitLetterReceived when facts.Framework != RuleSets.IlacsId:
                yield return new("type", $"Focused visits belong to the ILACS framework, not '{facts.Framework}'.");
                break;
            case ReinspectionOutcomeRecorded r when !Enum.IsDefined(r.Judgement):
                yield return new("judgement", $"'{r.Judgement}' is not a judgement.");
                break;
            case InterventionRouteRecorded r when !Enum.IsDefined(r.Route):
                yield return new("route", $"'{r.Route}' is not an intervention route.");
                break;
        }
    }

    /// <summary>
    /// One event folded into the facts. Events come in canonical order (date, then type), so a single date recorded
    /// twice keeps the later one, and the route and the re-inspection outcome are the latest recorded.
    /// </summary>
    private static OversightFacts Fold(OversightFacts facts, OversightEvent e) => e switch
    {
        ReportPublished x => facts with { ReportPublished = EventSequence.Latest(facts.ReportPublished, x.Date) },
        FocusedVisitLetterReceived x => facts with { FocusedVisitLetterReceived = EventSequence.Latest(facts.FocusedVisitLetterReceived, x.Date) },
        ActionPlanningVisitHeld x => facts with { ActionPlanningVisit = EventSequence.Latest(facts.ActionPlanningVisit, x.Date) },
        DraftActionPlanSubmitted x => facts with { DraftActionPlanSubmitted = EventSequence.Latest(facts.DraftActionPlanSubmitted, x.Date) },
        ActionPlanSubmitted x => facts with { ActionPlanSubmitted = EventSequence.Latest(facts.ActionPlanSubmitted, x.Date) },
        MonitoringVisitAgreed x => facts with { MonitoringVisitsAgreed = EventSequence.AddDate(facts.MonitoringVisitsAgreed, x.Date) },
        MonitoringVisitHeld x => facts with { MonitoringVisitsHeld = EventSequence.AddDate(facts.MonitoringVisitsHeld, x.Date) },
        CommissionerAppointed x => facts with { CommissionerAppointed = EventSequence.Latest(facts.CommissionerAppointed, x.Date) },

        // The facts keep no date for the route: applied one by one (Apply), the last applied wins.
        InterventionRouteRecorded x => facts with { Route = x.Route },
        DfeReviewHeld x => facts with { DfeReviewsHeld = EventSequence.AddDate(facts.DfeReviewsHeld, x.Date) },
        ImprovementBoardHeld x => facts with { ImprovementBoardMeetings = EventSequence.AddDate(facts.ImprovementBoardMeetings, x.Date) },
        InterimArrangementStarted x => facts with { InterimArrangementStarts = EventSequence.AddDate(facts.InterimArrangementStarts, x.Date) },
        ImprovementPlanApproved x => facts with { ImprovementPlanApproved = EventSequence.Latest(facts.ImprovementPlanApproved, x.Date) },
        CapacityFindingRecorded x => facts with { CapacityFinding = EventSequence.Latest(facts.CapacityFinding, x.Date) },
        AnnualEngagementMeetingHeld x => facts with { AnnualEngagementMeetings = EventSequence.AddDate(facts.AnnualEngagementMeetings, x.Date) },
        ReinspectionFieldworkStarted x => facts with { ReinspectionFieldworkStart = EventSequence.Latest(facts.ReinspectionFieldworkStart, x.Date) },
        ReinspectionOutcomeRecorded x => facts.Reinspection is { } r && r.ReportReceived > x.Date
            ? facts
            : facts with { Reinspection = new ReinspectionOutcome(x.Date, x.Judgement) },
        OversightMilestoneCompleted x => facts with { Completed = EventSequence.WithDate(facts.Completed, x.MilestoneKey, x.Date) },
        _ => throw new DomainValidationException("type", $"Unknown oversight event type '{e.Type}'."),
    };
}
