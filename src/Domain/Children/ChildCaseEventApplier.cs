using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Children;

/// <summary>Applies child case events to a case's facts, rejecting impossible ones.</summary>
public static class ChildCaseEventApplier
{
    /// <summary>
    /// The facts with <paramref name="e"/> applied; re-applying a recorded event changes nothing. Throws
    /// <see cref="DomainValidationException"/> naming the field and reason for dates outside the calendar, events in
    /// the future (when <paramref name="today"/> is given) and impossible orders (an ICPC before its strategy
    /// discussion, a review before the ICPC, a visit before the placement started, anything after closure).
    /// </summary>
    public static ChildCaseFacts Apply(this ChildCaseFacts facts, ChildCaseEvent e, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var pre = EventSequence.DateErrors(e, calendar, today);

        if (facts.CaseClosed is { } closed && e is not CaseClosed && e.Date > closed)
        {
            pre.Add(new("date", $"The case closed on {closed:uuuu-MM-dd}; nothing can be recorded after that."));
        }

        if (e is HealthAssessmentHeld { NextIntervalMonths: not (6 or 12) } h)
        {
            pre.Add(new("interval_months", $"Must be 6 or 12, not {h.NextIntervalMonths}."));
        }

        if (pre.Count > 0)
        {
            throw new DomainValidationException(pre);
        }

        var next = e switch
        {
            ReferralReceived x => facts with { ReferralReceived = x.Date },
            StrategyDiscussionHeld x => facts with { StrategyDiscussion = facts.StrategyDiscussion is { } s && s <= x.Date ? s : x.Date },
            S47Started x => facts with { S47Start = x.Date },
            IcpcHeld x => facts with { Icpc = x.Date },
            IcpcNotRequired x => facts with { IcpcNotRequired = x.Date },
            CpReviewHeld x => facts with { ReviewsHeld = EventSequence.AddDate(facts.ReviewsHeld, x.Date) },
            CoreGroupHeld x => facts with { CoreGroupsHeld = EventSequence.AddDate(facts.CoreGroupsHeld, x.Date) },
            CpVisitMade x => facts with { CpVisitsMade = EventSequence.AddDate(facts.CpVisitsMade, x.Date) },
            CpPlanEnded x => facts with { PlanEnded = x.Date },
            BecameLookedAfter x => facts with { BecameLookedAfter = x.Date },
            PlacementStarted x => facts with { Placements = AddPlacement(facts.Placements, new Placement(x.Date, x.Kind, x.ChildAgreesToFewerVisits)) },
            LookedAfterReviewHeld x => facts with { LookedAfterReviewsHeld = EventSequence.AddDate(facts.LookedAfterReviewsHeld, x.Date) },
            StatutoryVisitMade x => facts with { StatutoryVisitsMade = EventSequence.AddDate(facts.StatutoryVisitsMade, x.Date) },
            HealthAssessmentHeld x => facts with
            {
                HealthAssessmentsHeld = EventSequence.AddDate(facts.HealthAssessmentsHeld, x.Date),
                HealthReviewIntervalMonths = x.NextIntervalMonths,
            },
            IroAppointed x => facts with { IroAppointed = x.Date },
            PathwayEligibilityRecorded x => facts with { PathwayEligibleFrom = x.Date },
            PrivateFosteringNotified x => facts with { PrivateFosteringNotified = x.Date },
            AdopterAssessmentStarted x => facts with { AdopterAssessmentStarted = x.Date },
            ChildDeathNotified x => facts with { ChildDeathNotified = x.Date },
            CaseClosed x => facts with { CaseClosed = x.Date },
            CaseMilestoneCompleted x => facts with { Completed = EventSequence.WithDate(facts.Completed, x.MilestoneKey, x.Date) },
            _ => throw new DomainValidationException("type", $"Unknown child case event type '{e.Type}'."),
        };

        var errors = EventErrors.Introduced(
            ChildCaseFactsValidator.Validate(facts, calendar),
            ChildCaseFactsValidator.Validate(next, calendar));
        return errors.Count == 0 ? next : throw new DomainValidationException(errors);
    }

    /// <summary>Applies events in order; stops at the first rejected one (its errors name it by position).</summary>
    public static ChildCaseFacts ApplyAll(this ChildCaseFacts facts, IEnumerable<ChildCaseEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.ApplyAll(facts, events, (f, e) => f.Apply(e, calendar, today));

    private static IReadOnlyList<Placement> AddPlacement(IReadOnlyList<Placement> placements, Placement placement)
    {
        var list = new List<Placement>(placements.Count + 1);
        foreach (var p in placements)
        {
            // One placement per start date: a corrected kind replaces the earlier record.
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
