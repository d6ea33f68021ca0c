using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Events;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Oversight;

/// <summary>Applies oversight events to an episode's facts, rejecting impossible ones.</summary>
public static class OversightEventApplier
{
    /// <summary>
    /// The facts with <paramref name="e"/> applied. Re-applying an event already recorded changes nothing
    /// (messages are delivered at least once). Throws <see cref="DomainValidationException"/> naming the field and
    /// reason when the event's date is outside the calendar, in the future for something that has happened
    /// (when <paramref name="today"/> is given), or in an impossible order (for example an action plan submitted
    /// before the report was received).
    /// </summary>
    public static OversightFacts Apply(this OversightFacts facts, OversightEvent e, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var pre = EventSequence.DateErrors(e, calendar, today);

        if (pre.Count > 0)
        {
            throw new DomainValidationException(pre);
        }

        var next = e switch
        {
            ReportPublished x => facts with { ReportPublished = x.Date },
            FocusedVisitLetterReceived x => facts with { FocusedVisitLetterReceived = x.Date },
            ActionPlanningVisitHeld x => facts with { ActionPlanningVisit = x.Date },
            DraftActionPlanSubmitted x => facts with { DraftActionPlanSubmitted = x.Date },
            ActionPlanSubmitted x => facts with { ActionPlanSubmitted = x.Date },
            MonitoringVisitAgreed x => facts with { MonitoringVisitsAgreed = EventSequence.AddDate(facts.MonitoringVisitsAgreed, x.Date) },
            MonitoringVisitHeld x => facts with { MonitoringVisitsHeld = EventSequence.AddDate(facts.MonitoringVisitsHeld, x.Date) },
            CommissionerAppointed x => facts with { CommissionerAppointed = x.Date },
            InterventionRouteRecorded x => facts with { Route = x.Route },
            DfeReviewHeld x => facts with { DfeReviewsHeld = EventSequence.AddDate(facts.DfeReviewsHeld, x.Date) },
            ImprovementBoardHeld x => facts with { ImprovementBoardMeetings = EventSequence.AddDate(facts.ImprovementBoardMeetings, x.Date) },
            InterimArrangementStarted x => facts with { InterimArrangementStarts = EventSequence.AddDate(facts.InterimArrangementStarts, x.Date) },
            ImprovementPlanApproved x => facts with { ImprovementPlanApproved = x.Date },
            CapacityFindingRecorded x => facts with { CapacityFinding = x.Date },
            AnnualEngagementMeetingHeld x => facts with { AnnualEngagementMeetings = EventSequence.AddDate(facts.AnnualEngagementMeetings, x.Date) },
            ReinspectionFieldworkStarted x => facts with { ReinspectionFieldworkStart = x.Date },
            ReinspectionOutcomeRecorded x => facts with { Reinspection = new ReinspectionOutcome(x.Date, x.Judgement) },
            OversightMilestoneCompleted x => facts with { Completed = EventSequence.WithDate(facts.Completed, x.MilestoneKey, x.Date) },
            _ => throw new DomainValidationException("type", $"Unknown oversight event type '{e.Type}'."),
        };

        var errors = EventErrors.Introduced(
            OversightFactsValidator.Validate(facts, calendar),
            OversightFactsValidator.Validate(next, calendar));
        return errors.Count == 0 ? next : throw new DomainValidationException(errors);
    }

    /// <summary>Applies events in order; stops at the first rejected one (its errors name it by position).</summary>
    public static OversightFacts ApplyAll(this OversightFacts facts, IEnumerable<OversightEvent> events, WorkingDayCalendar calendar, LocalDate? today = null) =>
        EventSequence.ApplyAll(facts, events, (f, e) => f.Apply(e, calendar, today));
}
