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

        // Child protection: referral → strategy discussion → section 47 → ICPC → reviews, core groups, visits.
        c.NotBefore(nameof(facts.StrategyDiscussion), facts.StrategyDiscussion, facts.ReferralReceived, "the referral");
        c.NotBefore(nameof(facts.S47Start), facts.S47Start, facts.ReferralReceived, "the referral");
        c.NotBefore(nameof(facts.Icpc), facts.Icpc, facts.StrategyDiscussion, "its strategy discussion");
        c.NotBefore(nameof(facts.Icpc), facts.Icpc, facts.S47Start, "the section 47 start");
        c.NotBefore(nameof(facts.IcpcNotRequired), facts.IcpcNotRequired, facts.StrategyDiscussion, "its strategy discussion");
        c.Requires(nameof(facts.ReviewsHeld), facts.ReviewsHeld.Count > 0, facts.Icpc, "the initial child protection conference");
        c.Requires(nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld.Count > 0, facts.Icpc, "the initial child protection conference");
        c.Requires(nameof(facts.CpVisitsMade), facts.CpVisitsMade.Count > 0, facts.Icpc, "the initial child protection conference");
        c.Requires(nameof(facts.PlanEnded), facts.PlanEnded is not null, facts.Icpc, "the initial child protection conference");
        c.NotBefore(nameof(facts.ReviewsHeld), facts.ReviewsHeld, facts.Icpc, "the initial child protection conference");
        c.NotBefore(nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld, facts.Icpc, "the initial child protection conference");
        c.NotBefore(nameof(facts.CpVisitsMade), facts.CpVisitsMade, facts.Icpc, "the initial child protection conference");
        c.NotBefore(nameof(facts.PlanEnded), facts.PlanEnded, facts.Icpc, "the initial child protection conference");
        c.NotAfter(nameof(facts.ReviewsHeld), facts.ReviewsHeld, facts.PlanEnded, "the end of the plan");
        c.NotAfter(nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld, facts.PlanEnded, "the end of the plan");
        c.NotAfter(nameof(facts.CpVisitsMade), facts.CpVisitsMade, facts.PlanEnded, "the end of the plan");

        // Looked after: becomes looked after → placements → visits, reviews, health, IRO.
        const string lookedAfter = "the date the child became looked after";
        var firstPlacement = facts.Placements.Count == 0 ? (LocalDate?)null : Min(facts.Placements);
        c.Requires(nameof(facts.Placements), facts.Placements.Count > 0, facts.BecameLookedAfter, lookedAfter);
        c.Requires(nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld.Count > 0, facts.BecameLookedAfter, lookedAfter);
        c.Requires(nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld.Count > 0, facts.BecameLookedAfter, lookedAfter);
        c.Requires(nameof(facts.IroAppointed), facts.IroAppointed is not null, facts.BecameLookedAfter, lookedAfter);
        for (var i = 0; i < facts.Placements.Count; i++)
        {
            c.NotBefore($"{nameof(facts.Placements)}[{i}].Start", facts.Placements[i].Start, facts.BecameLookedAfter, lookedAfter);
        }

        c.NotBefore(nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld, facts.BecameLookedAfter, lookedAfter);
        c.NotBefore(nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld, facts.BecameLookedAfter, lookedAfter);
        c.NotBefore(nameof(facts.IroAppointed), facts.IroAppointed, facts.BecameLookedAfter, lookedAfter);
        if (facts.BecameLookedAfter is not null)
        {
            c.Requires(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade.Count > 0, firstPlacement, "a placement");
            c.NotBefore(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade, firstPlacement, "the first placement's start");
        }
        else if (facts.PrivateFosteringNotified is { } aware)
        {
            c.NotBefore(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade, aware, "the private fostering notification");
        }
        else
        {
            c.Requires(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade.Count > 0, null, "a placement or a private fostering notification");
        }

        // Nothing happens on a closed case after it closed.
        if (facts.CaseClosed is { } closed)
        {
            const string closure = "the case's closure";
            c.NotAfter(nameof(facts.Icpc), facts.Icpc, closed, closure);
            c.NotAfter(nameof(facts.ReviewsHeld), facts.ReviewsHeld, closed, closure);
            c.NotAfter(nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld, closed, closure);
            c.NotAfter(nameof(facts.CpVisitsMade), facts.CpVisitsMade, closed, closure);
            c.NotAfter(nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld, closed, closure);
            c.NotAfter(nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade, closed, closure);
            c.NotAfter(nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld, closed, closure);
            for (var i = 0; i < facts.Placements.Count; i++)
            {
                c.NotAfter($"{nameof(facts.Placements)}[{i}].Start", facts.Placements[i].Start, closed, closure);
            }

            c.NotBefore(nameof(facts.CaseClosed), closed, facts.ReferralReceived, "the referral");
            c.NotBefore(nameof(facts.CaseClosed), closed, facts.BecameLookedAfter, lookedAfter);
        }

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

    private static LocalDate Min(IReadOnlyList<Placement> placements)
    {
        var min = placements[0].Start;
        for (var i = 1; i < placements.Count; i++)
        {
            if (placements[i].Start < min)
            {
                min = placements[i].Start;
            }
        }

        return min;
    }
}
