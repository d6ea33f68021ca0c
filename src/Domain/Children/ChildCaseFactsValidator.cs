using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Children;

/// <summary>Checks a child's case facts for dates the calendar cannot count from and impossible orders of events.</summary>
public static class ChildCaseFactsValidator
{
    /// <summary>Every error found (empty when valid), each naming the field and the reason.</summary>
    public static IReadOnlyList<ValidationError> Validate(ChildCaseFacts facts, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var c = new DateChecks(calendar, []);
        if (string.IsNullOrWhiteSpace(facts.CaseReference))
        {
            c.Errors.Add(new(nameof(facts.CaseReference), "Required: the council's case reference."));
        }

        if (!Enum.IsDefined(facts.Type))
        {
            c.Errors.Add(new(nameof(facts.Type), $"'{facts.Type}' is not a case type."));
        }

        if (facts.HealthReviewIntervalMonths is not (6 or 12))
        {
            c.Errors.Add(new(nameof(facts.HealthReviewIntervalMonths), $"Must be 6 or 12, not {facts.HealthReviewIntervalMonths}."));
        }

        c.InRange(nameof(facts.ReferralReceived), facts.ReferralReceived);
        c.InRange(nameof(facts.StrategyDiscussion), facts.StrategyDiscussion);
        c.InRange(nameof(facts.S47Start), facts.S47Start);
        c.InRange(nameof(facts.Icpc), facts.Icpc);
        c.InRange(nameof(facts.IcpcNotRequired), facts.IcpcNotRequired);
        c.InRange(nameof(facts.ReviewsHeld), facts.ReviewsHeld);
        c.InRange(nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld);
        c.InRange(nameof(facts.CpVisitsMade), facts.CpVisitsMade);
        c.InRange(nameof(facts.PlanEnded), facts.PlanEnded);
        c.InRange(nameof(facts.BecameLookedAfter), facts.BecameLookedAfter);
        for (var i = 0; i < facts.Placements.Count; i++)
        {
            c.InRange($"{nameof(facts.Placements)}[{i}].Start", facts.Placements[i].Start);
            if (!Enum.IsDefined(facts.Placements[i].Kind))
            {
                c.Errors.Add(new($"{nameof(facts.Placements)}[{i}].Kind", $"'{facts.Placements[i].Kind}' is not a placement kind."));
            }
        }

        c.InRange(nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld);
        c.InRange(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade);
        c.InRange(nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld);
        c.InRange(nameof(facts.PathwayEligibleFrom), facts.PathwayEligibleFrom);
        c.InRange(nameof(facts.IroAppointed), facts.IroAppointed);
        c.InRange(nameof(facts.PrivateFosteringNotified), facts.PrivateFosteringNotified);
        c.InRange(nameof(facts.AdopterAssessmentStarted), facts.AdopterAssessmentStarted);
        c.InRange(nameof(facts.ChildDeathNotified), facts.ChildDeathNotified);
        c.InRange(nameof(facts.CaseClosed), facts.CaseClosed);
        foreach (var (key, date) in facts.Completed)
        {
            c.InRange($"{nameof(facts.Completed)}[{key}]", date);
        }

        // Pairs of dates in an impossible order (an ICPC before its strategy discussion, a review before the ICPC,
        // anything after closure). A date whose prerequisite is not recorded is not an error: see ChildCaseDateOrder.
        c.InOrder(ChildCaseDateOrder.Rules, ChildCaseDateOrder.Of(facts));

        if (today is { } t)
        {
            const string todayName = "today";
            c.NotAfter(nameof(facts.ReferralReceived), facts.ReferralReceived, t, todayName);
            c.NotAfter(nameof(facts.Icpc), facts.Icpc, t, todayName);
            c.NotAfter(nameof(facts.ReviewsHeld), facts.ReviewsHeld, t, todayName);
            c.NotAfter(nameof(facts.CpVisitsMade), facts.CpVisitsMade, t, todayName);
            c.NotAfter(nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld, t, todayName);
            c.NotAfter(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade, t, todayName);
            c.NotAfter(nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld, t, todayName);
            c.NotAfter(nameof(facts.CaseClosed), facts.CaseClosed, t, todayName);
        }

        return c.Errors;
    }

    /// <summary>Throws <see cref="DomainValidationException"/> when <see cref="Validate"/> finds errors.</summary>
    public static ChildCaseFacts EnsureValid(this ChildCaseFacts facts, WorkingDayCalendar calendar, LocalDate? today = null)
    {
        var errors = Validate(facts, calendar, today);
        return errors.Count == 0 ? facts : throw new DomainValidationException(errors);
    }
}
