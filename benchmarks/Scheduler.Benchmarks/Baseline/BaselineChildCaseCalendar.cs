using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks.Baseline;

/// <summary>
/// A frozen copy of <c>ChildCaseCalendar</c> as it was before the performance work (commit f651066), on the
/// baseline context and calendar: the reference <c>timelines --quick</c> compares the current output with.
/// </summary>
public static class BaselineChildCaseCalendar
{
    /// <summary>
    /// Every milestone of the case, with statuses relative to <paramref name="today"/>. A closed case (or ended
    /// plan) produces nothing due after its closure; unmet occurrences due before it keep their status for
    /// compliance reporting. Throws <c>CalendarRangeException</c> when a date falls outside the calendar;
    /// validate facts first with <see cref="ChildCaseFactsValidator"/>.
    /// </summary>
    public static IReadOnlyList<Milestone> Compute(
        ChildCaseFacts facts,
        AuthorityParameters parameters,
        BaselineWorkingDayCalendar statutory,
        BaselineWorkingDayCalendar local,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var ctx = new BaselineMilestoneContext(parameters, statutory, local, today, facts.Completed);
        var list = new List<Milestone>(16);
        var closed = facts.CaseClosed;

        if (facts.ReferralReceived is { } referral)
        {
            list.Add(ctx.Make(ChildLevelRules.ReferralDecision, 1, ctx.DueFrom(ChildLevelRules.ReferralDecision, referral), null));
            list.Add(ctx.Make(ChildLevelRules.Assessment, 1, ctx.DueFrom(ChildLevelRules.Assessment, referral), null));
            if (parameters.StrategyDiscussionLimitWorkingDays is not null)
            {
                list.Add(ctx.Make(ChildLevelRules.StrategyDiscussion, 1, ctx.DueFrom(ChildLevelRules.StrategyDiscussion, referral), facts.StrategyDiscussion));
            }
        }

        ChildProtection(ctx, facts, closed, list);
        LookedAfter(ctx, facts, closed, list);

        if (facts.PrivateFosteringNotified is { } aware)
        {
            PrivateFostering(ctx, aware, BaselineMilestoneContext.Sorted(facts.StatutoryVisitsMade), closed, list);
        }

        if (facts.AdopterAssessmentStarted is { } started)
        {
            list.Add(ctx.Make(ChildLevelRules.AdopterAssessment, 1, ctx.DueFrom(ChildLevelRules.AdopterAssessment, started), null));
        }

        if (facts.ChildDeathNotified is { } death)
        {
            list.Add(ctx.Make(ChildLevelRules.CdopReview, 1, ctx.DueFrom(ChildLevelRules.CdopReview, death), null));
        }

        return list;
    }

    private static void ChildProtection(BaselineMilestoneContext ctx, ChildCaseFacts facts, LocalDate? closed, List<Milestone> list)
    {
        // E4: the authority's trigger first; the other variant (AMB-12) as the alternative reading.
        var preferStrategy = ctx.Parameters.IcpcTrigger == IcpcTrigger.StrategyDiscussion;
        var primary = preferStrategy ? facts.StrategyDiscussion ?? facts.S47Start : facts.S47Start ?? facts.StrategyDiscussion;
        if (primary is { } trigger)
        {
            var rule = ChildLevelRules.Icpc;
            var other = preferStrategy ? facts.S47Start : facts.StrategyDiscussion;
            AlternativeReading? alternative = other is { } o && o != trigger
                ? new AlternativeReading(preferStrategy ? "15 working days from the section 47 start" : "15 working days from the strategy discussion", null, ctx.DueFrom(rule, o))
                : null;
            list.Add(ctx.Make(rule, 1, ctx.DueFrom(rule, trigger), facts.Icpc, alternative: alternative));
        }

        if (facts.Icpc is not { } icpc)
        {
            return;
        }

        var end = Earlier(facts.PlanEnded, closed);
        var reviews = BaselineMilestoneContext.Sorted(facts.ReviewsHeld);
        var firstReviewDue = ctx.DueFrom(ChildLevelRules.CpReviewFirst, icpc);
        if (reviews.Count > 0 || ctx.Wanted(firstReviewDue, end))
        {
            list.Add(ctx.Make(ChildLevelRules.CpReviewFirst, 1, firstReviewDue, reviews.Count > 0 ? reviews[0] : null));
        }

        if (reviews.Count > 0)
        {
            ChainFrom(ctx, ChildLevelRules.CpReviewSubsequent, reviews, 1, end, 1, list);
        }

        var coreGroup = ChildLevelRules.CoreGroup;
        Chain(ctx, coreGroup, ctx.DueFrom(coreGroup, icpc), BaselineMilestoneContext.Sorted(facts.CoreGroupsHeld), end, 1, list);

        var visits = ChildLevelRules.CpPlanVisits;
        Chain(ctx, visits, ctx.DueFrom(visits, icpc), BaselineMilestoneContext.Sorted(facts.CpVisitsMade), end, 1, list);
    }

    private static void LookedAfter(BaselineMilestoneContext ctx, ChildCaseFacts facts, LocalDate? closed, List<Milestone> list)
    {
        if (facts.BecameLookedAfter is not { } lookedAfter)
        {
            if (facts.PathwayEligibleFrom is { } eligibleOnly)
            {
                list.Add(ctx.Make(ChildLevelRules.PathwayNeedsAssessment, 1, ctx.DueFrom(ChildLevelRules.PathwayNeedsAssessment, eligibleOnly), null));
            }

            return;
        }

        // E9–E11: 20 working days, then 3 months from the first review, then 6 months from each previous one.
        var reviews = BaselineMilestoneContext.Sorted(facts.LookedAfterReviewsHeld);
        var first = ChildLevelRules.LacReviewFirst;
        var firstDue = ctx.DueFrom(first, lookedAfter);
        if (reviews.Count > 0 || ctx.Wanted(firstDue, closed))
        {
            list.Add(ctx.Make(first, 1, firstDue, reviews.Count > 0 ? reviews[0] : null));
        }

        if (reviews.Count > 0)
        {
            var second = ChildLevelRules.LacReviewSecond;
            var secondDue = ctx.DueFrom(second, reviews[0]);
            if (reviews.Count > 1 || ctx.Wanted(secondDue, closed))
            {
                list.Add(ctx.Make(second, 1, secondDue, reviews.Count > 1 ? reviews[1] : null));
            }

            if (reviews.Count > 1)
            {
                ChainFrom(ctx, ChildLevelRules.LacReviewSubsequent, reviews, 2, closed, 1, list);
            }
        }

        // E17: initial health assessment, then at the interval the worker recorded.
        var health = ChildLevelRules.LacHealthAssessment;
        var assessments = BaselineMilestoneContext.Sorted(facts.HealthAssessmentsHeld);
        var healthDue = ctx.DueFrom(health, lookedAfter);
        var interval = RuleOffset.Months(facts.HealthReviewIntervalMonths);
        for (var i = 0; i < assessments.Count; i++)
        {
            list.Add(ctx.Make(health, i + 1, healthDue, assessments[i]));
            healthDue = interval.ApplyTo(assessments[i], ctx.Statutory);
        }

        if (ctx.Wanted(healthDue, closed))
        {
            list.Add(ctx.Make(health, assessments.Count + 1, healthDue, null));
        }

        // E18: IRO appointed.
        var iroDue = ctx.DueFrom(ChildLevelRules.IroAppointment, lookedAfter);
        if (facts.IroAppointed is not null || ctx.Wanted(iroDue, closed) || iroDue <= ctx.Today)
        {
            list.Add(ctx.Make(ChildLevelRules.IroAppointment, 1, iroDue, facts.IroAppointed));
        }

        // E19: pathway needs assessment, 3 months after the child became eligible.
        if (facts.PathwayEligibleFrom is { } eligible)
        {
            list.Add(ctx.Make(ChildLevelRules.PathwayNeedsAssessment, 1, ctx.DueFrom(ChildLevelRules.PathwayNeedsAssessment, eligible), null));
        }

        StatutoryVisits(ctx, facts, reviews, closed, list);
    }

    /// <summary>
    /// E12–E16, per placement (<see cref="Milestone.Cycle"/> = placement number): the first visit, then each visit
    /// due one interval after the previous actual one, the interval set by the placement's kind and phase.
    /// </summary>
    private static void StatutoryVisits(BaselineMilestoneContext ctx, ChildCaseFacts facts, IReadOnlyList<LocalDate> reviews, LocalDate? closed, List<Milestone> list)
    {
        var placements = facts.Placements;
        if (placements.Count == 0)
        {
            return;
        }

        var visits = BaselineMilestoneContext.Sorted(facts.StatutoryVisitsMade);
        LocalDate? firstReview = reviews.Count > 0 ? reviews[0] : null;
        var v = 0;
        for (var p = 0; p < placements.Count; p++)
        {
            var placement = placements[p];
            LocalDate? placementEnd = p + 1 < placements.Count ? placements[p + 1].Start : null;
            var end = Earlier(placementEnd, closed);

            // Visits before this placement belong to earlier ones.
            while (v < visits.Count && visits[v] < placement.Start)
            {
                v++;
            }

            if (placement.Kind == PlacementKind.ShortBreaks)
            {
                continue;
            }

            var special = placement.Kind is PlacementKind.PlacedWithParentReg19 or PlacementKind.ConnectedPersonReg24
                or PlacementKind.InterimCareOrderWithParent or PlacementKind.CareOrderWithParent;
            var rule = special ? ChildLevelRules.LacVisitSpecialCases : ChildLevelRules.LacVisitFirst;
            var due = placement.Start.PlusDays(7);
            var firstYearEnds = placement.Start.PlusYears(1);
            var sequence = 1;
            while (v < visits.Count && (end is not { } e || visits[v] < e))
            {
                var visit = visits[v];
                list.Add(ctx.Make(rule, sequence, due, visit, cycle: p + 1));
                (rule, due) = NextVisit(placement, visit, firstYearEnds, firstReview);
                sequence++;
                v++;
            }

            if (ctx.Wanted(due, end))
            {
                list.Add(ctx.Make(rule, sequence, due, null, cycle: p + 1));
            }
        }
    }

    private static (RuleDefinition Rule, LocalDate Due) NextVisit(Placement placement, LocalDate previous, LocalDate firstYearEnds, LocalDate? firstReview)
    {
        var inFirstYear = previous < firstYearEnds;
        switch (placement.Kind)
        {
            case PlacementKind.PlacedWithParentReg19:
            case PlacementKind.ConnectedPersonReg24:
            case PlacementKind.InterimCareOrderWithParent:
                // Weekly until the first looked-after review, then 6 or 4 weeks.
                var weeks = firstReview is { } r && previous >= r
                    ? placement.Kind == PlacementKind.PlacedWithParentReg19 ? 6 : 4
                    : 1;
                return (ChildLevelRules.LacVisitSpecialCases, previous.PlusDays(7 * weeks));
            case PlacementKind.CareOrderWithParent:
                return (ChildLevelRules.LacVisitSpecialCases, previous.PlusDays(42));
            case PlacementKind.IntendedUntil18:
                return inFirstYear
                    ? (ChildLevelRules.LacVisitFirstYear, previous.PlusDays(42))
                    : (ChildLevelRules.LacVisitAfterFirstYear, previous.PlusMonths(3));
            case PlacementKind.LongTermFoster:
                if (inFirstYear)
                {
                    return (ChildLevelRules.LacVisitFirstYear, previous.PlusDays(42));
                }

                return placement.ChildAgreesToFewerVisits
                    ? (ChildLevelRules.LacVisitLongTermFoster, previous.PlusMonths(6))
                    : (ChildLevelRules.LacVisitAfterFirstYear, previous.PlusMonths(3));
            default:
                return inFirstYear
                    ? (ChildLevelRules.LacVisitFirstYear, previous.PlusDays(42))
                    : (ChildLevelRules.LacVisitAfterFirstYear, previous.PlusDays(42));
        }
    }

    private static void PrivateFostering(BaselineMilestoneContext ctx, LocalDate aware, IReadOnlyList<LocalDate> visits, LocalDate? closed, List<Milestone> list)
    {
        var rule = ChildLevelRules.PrivateFosteringVisits;
        var firstYearEnds = aware.PlusYears(1);
        var due = aware.PlusDays(42);
        for (var i = 0; i < visits.Count; i++)
        {
            list.Add(ctx.Make(rule, i + 1, due, visits[i]));
            due = visits[i].PlusDays(visits[i] < firstYearEnds ? 42 : 84);
        }

        if (ctx.Wanted(due, closed))
        {
            list.Add(ctx.Make(rule, visits.Count + 1, due, null));
        }
    }

    /// <summary>held[from..] repeat from the previous actual date: occurrence k is due one interval after held[from + k − 2].</summary>
    private static void ChainFrom(BaselineMilestoneContext ctx, RuleDefinition rule, IReadOnlyList<LocalDate> held, int from, LocalDate? stop, int cycle, List<Milestone> list)
    {
        var sequence = 1;
        for (var i = from; i < held.Count; i++, sequence++)
        {
            list.Add(ctx.Make(rule, sequence, ctx.NextFrom(rule, held[i - 1]), held[i], cycle: cycle));
        }

        var due = ctx.NextFrom(rule, held[^1]);
        if (ctx.Wanted(due, stop))
        {
            list.Add(ctx.Make(rule, sequence, due, null, cycle: cycle));
        }
    }

    /// <summary>The copy of <c>OversightCalendar.Chain</c> the child-case rules call.</summary>
    private static void Chain(BaselineMilestoneContext ctx, RuleDefinition rule, LocalDate firstDue, IReadOnlyList<LocalDate> held, LocalDate? stop, int cycle, List<Milestone> list)
    {
        var due = firstDue;
        for (var i = 0; i < held.Count; i++)
        {
            list.Add(ctx.Make(rule, i + 1, due, held[i], cycle: cycle));
            due = ctx.NextFrom(rule, held[i]);
        }

        if (ctx.Wanted(due, stop))
        {
            list.Add(ctx.Make(rule, held.Count + 1, due, null, cycle: cycle));
        }
    }

    private static LocalDate? Earlier(LocalDate? a, LocalDate? b) =>
        a is { } x ? (b is { } y && y < x ? y : x) : b;
}
