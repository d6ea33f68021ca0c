using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Children;

/// <summary>
/// Turns child case events into a case's facts whatever order they arrive in, rejecting impossible ones: the events
/// are a set of dated facts (see <see cref="ChildCaseDateOrder"/> for the pairs of dates that cannot be).
/// </summary>
public static class ChildCaseEventApplier
{
    private static readonly EventModel<ChildCaseFacts, ChildCaseEvent> Model = new(
        ChildCaseDateOrder.Rules,
        EventTypes.ChildCase,
        ChildCaseDateOrder.Of,
        FieldErrors,
        Fold);

    /// <summary>
    /// The facts of <paramref name="events"/> (in any order) on top of <paramref name="baseFacts"/>. Throws
    /// <see cref="DomainValidationException"/> with every error, each naming the event as <c>events[i].field</c>
    /// (<c>i</c> its index in <paramref name="events"/>): a date outside the calendar, in the future for something
    /// that has happened (when <paramref name="today"/> is given), or in an impossible order with another event or a
    /// base fact (blamed on the one later in the list, naming the other by type and date).
    /// </summary>
    public static ChildCaseFacts FromEvents(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.FromEvents(Model, baseFacts, events, calendar, today);

    /// <summary>
    /// The facts of <paramref name="recorded"/> and <paramref name="candidate"/>: the candidate is checked first
    /// (<see cref="ValidateNew"/>; its errors name its own fields, for example <c>date</c>), then the whole set as
    /// in <see cref="FromEvents(ChildCaseFacts, IReadOnlyList{ChildCaseEvent}, WorkingDayCalendar, LocalDate?)"/>.
    /// </summary>
    public static ChildCaseFacts FromEvents(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> recorded, ChildCaseEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var errors = ValidateNew(baseFacts, recorded, candidate, calendar, today);
        return errors.Count == 0
            ? FromEvents(baseFacts, [.. recorded, candidate], calendar)
            : throw new DomainValidationException(errors);
    }

    /// <summary>
    /// What is wrong with <paramref name="candidate"/> beside the events already <paramref name="recorded"/> (empty
    /// when nothing): its own fields, and each recorded event or base fact it cannot stand with, named by type and
    /// date. An event whose prerequisite is not recorded yet is not an error.
    /// </summary>
    public static IReadOnlyList<ValidationError> ValidateNew(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> recorded, ChildCaseEvent candidate, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.ValidateNew(Model, baseFacts, recorded, candidate, calendar, today);

    /// <summary>
    /// The facts with <paramref name="e"/> added, checked against the facts as they stand; re-applying a recorded
    /// event changes nothing and the order events are applied in does not matter. Errors name the event's own
    /// fields (<c>date</c>). When the events themselves are at hand, prefer <see cref="FromEvents(ChildCaseFacts, IReadOnlyList{ChildCaseEvent}, ChildCaseEvent, WorkingDayCalendar, LocalDate?)"/>,
    /// which checks against every recorded event rather than the facts they left.
    /// </summary>
    public static ChildCaseFacts Apply(this ChildCaseFacts facts, ChildCaseEvent e, WorkingDayCalendar calendar, LocalDate? today = null) =>
        FromEvents(facts, [], e, calendar, today);

    /// <summary>The facts of <paramref name="events"/> on top of these, in any order (errors name <c>events[i]</c>).</summary>
    public static ChildCaseFacts ApplyAll(this ChildCaseFacts facts, IEnumerable<ChildCaseEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        FromEvents(facts, [.. events], calendar, today);

    private static IEnumerable<ValidationError> FieldErrors(ChildCaseFacts facts, ChildCaseEvent e)
    {
        switch (e)
        {
            case HealthAssessmentHeld { NextIntervalMonths: not (6 or 12) } h:
                yield return new("interval_months", $"Must be 6 or 12, not {h.NextIntervalMonths}.");
                break;
            case PlacementStarted p when !Enum.IsDefined(p.Kind):
                yield return new("kind", $"'{p.Kind}' is not a placement kind.");
                break;
        }
    }

    /// <summary>
    /// One event folded into the facts. Events come in canonical order (date, then type), so a single date recorded
    /// twice keeps the later one (the strategy discussion keeps the earlier: the one at which enquiries started).
    /// </summary>
    private static ChildCaseFacts Fold(ChildCaseFacts facts, ChildCaseEvent e) => e switch
    {
        ReferralReceived x => facts with { ReferralReceived = EventSequence.Latest(facts.ReferralReceived, x.Date) },
        StrategyDiscussionHeld x => facts with { StrategyDiscussion = EventSequence.Earliest(facts.StrategyDiscussion, x.Date) },
        S47Started x => facts with { S47Start = EventSequence.Latest(facts.S47Start, x.Date) },
        IcpcHeld x => facts with { Icpc = EventSequence.Latest(facts.Icpc, x.Date) },
        IcpcNotRequired x => facts with { IcpcNotRequired = EventSequence.Latest(facts.IcpcNotRequired, x.Date) },
        CpReviewHeld x => facts with { ReviewsHeld = EventSequence.AddDate(facts.ReviewsHeld, x.Date) },
        CoreGroupHeld x => facts with { CoreGroupsHeld = EventSequence.AddDate(facts.CoreGroupsHeld, x.Date) },
        CpVisitMade x => facts with { CpVisitsMade = EventSequence.AddDate(facts.CpVisitsMade, x.Date) },
        CpPlanEnded x => facts with { PlanEnded = EventSequence.Latest(facts.PlanEnded, x.Date) },
        BecameLookedAfter x => facts with { BecameLookedAfter = EventSequence.Latest(facts.BecameLookedAfter, x.Date) },
        PlacementStarted x => facts with { Placements = AddPlacement(facts.Placements, new Placement(x.Date, x.Kind, x.ChildAgreesToFewerVisits)) },
        LookedAfterReviewHeld x => facts with { LookedAfterReviewsHeld = EventSequence.AddDate(facts.LookedAfterReviewsHeld, x.Date) },
        StatutoryVisitMade x => facts with { StatutoryVisitsMade = EventSequence.AddDate(facts.StatutoryVisitsMade, x.Date) },
        HealthAssessmentHeld x => facts with
        {
            HealthAssessmentsHeld = EventSequence.AddDate(facts.HealthAssessmentsHeld, x.Date),

            // The interval the latest assessment chose; on one day, the one recorded later.
            HealthReviewIntervalMonths = EventSequence.Max(facts.HealthAssessmentsHeld) is { } last && last > x.Date
                ? facts.HealthReviewIntervalMonths
                : x.NextIntervalMonths,
        },
        IroAppointed x => facts with { IroAppointed = EventSequence.Latest(facts.IroAppointed, x.Date) },
        PathwayEligibilityRecorded x => facts with { PathwayEligibleFrom = EventSequence.Latest(facts.PathwayEligibleFrom, x.Date) },
        PrivateFosteringNotified x => facts with { PrivateFosteringNotified = EventSequence.Latest(facts.PrivateFosteringNotified, x.Date) },
        AdopterAssessmentStarted x => facts with { AdopterAssessmentStarted = EventSequence.Latest(facts.AdopterAssessmentStarted, x.Date) },
        ChildDeathNotified x => facts with { ChildDeathNotified = EventSequence.Latest(facts.ChildDeathNotified, x.Date) },
        CaseClosed x => facts with { CaseClosed = EventSequence.Latest(facts.CaseClosed, x.Date) },
        CaseMilestoneCompleted x => facts with { Completed = EventSequence.WithDate(facts.Completed, x.MilestoneKey, x.Date) },
        _ => throw new DomainValidationException("type", $"Unknown child case event type '{e.Type}'."),
    };

    private static IReadOnlyList<Placement> AddPlacement(IReadOnlyList<Placement> placements, Placement placement)
    {
        var list = new List<Placement>(placements.Count + 1);
        foreach (var p in placements)
        {
            // One placement per start date: a corrected kind (recorded later) replaces the earlier record.
            if (p.Start != placement.Start)
            {
                list.Add(p);
            }
        }

        list.Add(placement);
        list.Sort((a, b) => a.Start.CompareTo(b.Start));
        return list;
    }
}
