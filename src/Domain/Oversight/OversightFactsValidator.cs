using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Oversight;

/// <summary>Checks an episode's facts for dates the calendar cannot count from and impossible orders of events.</summary>
public static class OversightFactsValidator
{
    /// <summary>Every error found (empty when valid), each naming the field and the reason.</summary>
    public static IReadOnlyList<ValidationError> Validate(OversightFacts facts, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var c = new DateChecks(calendar, []);
        if (!RuleSets.Exists(facts.Framework))
        {
            c.Errors.Add(new(nameof(facts.Framework), $"Unknown oversight framework '{facts.Framework}'. Known frameworks: {string.Join(", ", RuleSets.All.Select(s => s.Id))}."));
        }

        c.InRange(nameof(facts.ReportReceived), facts.ReportReceived);
        c.InRange(nameof(facts.ReportPublished), facts.ReportPublished);
        c.InRange(nameof(facts.FocusedVisitLetterReceived), facts.FocusedVisitLetterReceived);
        c.InRange(nameof(facts.ActionPlanningVisit), facts.ActionPlanningVisit);
        c.InRange(nameof(facts.DraftActionPlanSubmitted), facts.DraftActionPlanSubmitted);
        c.InRange(nameof(facts.ActionPlanSubmitted), facts.ActionPlanSubmitted);
        c.InRange(nameof(facts.MonitoringVisitsAgreed), facts.MonitoringVisitsAgreed);
        c.InRange(nameof(facts.MonitoringVisitsHeld), facts.MonitoringVisitsHeld);
        c.InRange(nameof(facts.CommissionerAppointed), facts.CommissionerAppointed);
        c.InRange(nameof(facts.DfeReviewsHeld), facts.DfeReviewsHeld);
        c.InRange(nameof(facts.ImprovementBoardMeetings), facts.ImprovementBoardMeetings);
        c.InRange(nameof(facts.InterimArrangementStarts), facts.InterimArrangementStarts);
        c.InRange(nameof(facts.ImprovementPlanApproved), facts.ImprovementPlanApproved);
        c.InRange(nameof(facts.CapacityFinding), facts.CapacityFinding);
        c.InRange(nameof(facts.AnnualEngagementMeetings), facts.AnnualEngagementMeetings);
        c.InRange(nameof(facts.ReinspectionFieldworkStart), facts.ReinspectionFieldworkStart);
        c.InRange("Reinspection.ReportReceived", facts.Reinspection?.ReportReceived);
        foreach (var (key, date) in facts.Completed)
        {
            c.InRange($"{nameof(facts.Completed)}[{key}]", date);
        }

        // Pairs of dates in an impossible order (an action plan before the report, a re-inspection report before its
        // fieldwork): see OversightDateOrder.
        c.InOrder(OversightDateOrder.Rules, OversightDateOrder.Of(facts));

        if (facts.FocusedVisitLetterReceived is not null && facts.Framework != RuleSets.IlacsId)
        {
            c.Errors.Add(new(nameof(facts.FocusedVisitLetterReceived), $"Focused visits belong to the ILACS framework, not '{facts.Framework}'."));
        }

        if (facts.Reinspection is { } outcome && !Enum.IsDefined(outcome.Judgement))
        {
            c.Errors.Add(new("Reinspection.Judgement", $"'{outcome.Judgement}' is not a judgement."));
        }

        if (today is { } t)
        {
            const string todayName = "today";
            c.NotAfter(nameof(facts.ReportReceived), facts.ReportReceived, t, todayName);
            c.NotAfter(nameof(facts.ReportPublished), facts.ReportPublished, t, todayName);
            c.NotAfter(nameof(facts.ActionPlanningVisit), facts.ActionPlanningVisit, t, todayName);
            c.NotAfter(nameof(facts.ActionPlanSubmitted), facts.ActionPlanSubmitted, t, todayName);
            c.NotAfter(nameof(facts.MonitoringVisitsHeld), facts.MonitoringVisitsHeld, t, todayName);
            c.NotAfter(nameof(facts.DfeReviewsHeld), facts.DfeReviewsHeld, t, todayName);
            c.NotAfter(nameof(facts.ImprovementBoardMeetings), facts.ImprovementBoardMeetings, t, todayName);
            c.NotAfter("Reinspection.ReportReceived", facts.Reinspection?.ReportReceived, t, todayName);
        }

        return c.Errors;
    }

    /// <summary>Throws <see cref="DomainValidationException"/> when <see cref="Validate"/> finds errors.</summary>
    public static OversightFacts EnsureValid(this OversightFacts facts, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var errors = Validate(facts, calendar, today);
        return errors.Count == 0 ? facts : throw new DomainValidationException(errors);
    }
}
