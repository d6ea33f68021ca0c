using NodaTime;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Milestones;

/// <summary>
/// Computes an oversight episode's milestones: Ofsted's timetable under the episode's framework, DfE
/// intervention and the authority's governance, recomputed from actual dates wherever a rule says so.
/// </summary>
public static class OversightCalendar
{
    /// <summary>
    /// Every milestone of the episode, with statuses relative to <paramref name="today"/>. Statutory rules count on
    /// <paramref name="statutory"/>; parameter rules the authority marks as local practice on <paramref name="local"/>.
    /// Repeating rules stop at the horizon (<see cref="AuthorityParameters.HorizonYears"/> after today). An
    /// inadequate re-inspection starts a second Ofsted cycle (<see cref="Milestone.Cycle"/> 2); a good or outstanding
    /// one ends intervention, so later unmet milestones become not applicable. Throws
    /// <see cref="UnknownRuleSetException"/> for an unknown framework and <see cref="CalendarRangeException"/> when
    /// a date falls outside the calendar; validate facts first with <see cref="OversightFactsValidator"/>.
    /// </summary>
    public static IReadOnlyList<Milestone> Compute(
        OversightFacts facts,
        AuthorityParameters parameters,
        WorkingDayCalendar statutory,
        WorkingDayCalendar local,
        LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var set = RuleSets.Get(facts.Framework);
        var ctx = new MilestoneContext(parameters, statutory, local, today, facts.Completed);
        var list = new List<Milestone>(64);

        var reinspection = facts.Reinspection;
        LocalDate? exit = reinspection is { Judgement: Judgement.Good or Judgement.Outstanding } ? reinspection.ReportReceived : null;
        if (reinspection is { Judgement: Judgement.Inadequate } again)
        {
            // A11: the cycle restarts from the new report; events before it belong to the first cycle.
            OfstedCycle(in ctx, set, facts, 1, facts.ReportReceived, again.ReportReceived, list);
            OfstedCycle(in ctx, set, facts, 2, again.ReportReceived, null, list);
        }
        else
        {
            OfstedCycle(in ctx, set, facts, 1, facts.ReportReceived, null, list);
        }

        DfeIntervention(in ctx, facts, list);
        LocalGovernance(in ctx, facts, exit, list);

        if (exit is { } exitDate)
        {
            // A good judgement ends intervention: what was still to come no longer applies.
            for (var i = 0; i < list.Count; i++)
            {
                var m = list[i];
                if (m.Met is null && m.Due > exitDate && m.Group != RuleGroup.LocalGovernance)
                {
                    list[i] = m with { Status = MilestoneStatus.NotApplicable };
                }
            }
        }

        return list;
    }

    private static void OfstedCycle(
        in MilestoneContext ctx,
        RuleSet set,
        OversightFacts facts,
        int cycle,
        LocalDate anchor,
        LocalDate? cycleEnd,
        List<Milestone> list)
    {
        var first = list.Count;
        var statutory = ctx.Statutory;

        // Facts belong to the cycle they fall in.
        LocalDate? In(LocalDate? d) => d is { } x && x >= anchor && (cycleEnd is not { } e || x < e) ? x : null;
        var held = Within(LocalDateSorted(facts.MonitoringVisitsHeld), anchor, cycleEnd);
        var agreed = Within(LocalDateSorted(facts.MonitoringVisitsAgreed), anchor, cycleEnd);
        var actionPlanSubmitted = In(facts.ActionPlanSubmitted);

        if (set.Find(RuleIds.LaPublishInspectionReport) is { } a1)
        {
            list.Add(ctx.Make(a1, 1, ctx.DueFrom(a1, anchor), In(facts.ReportPublished), cycle: cycle));
        }

        LocalDate? planDeadline = null;
        if (set.Find(RuleIds.ActionPlanSubmission) is { } a4)
        {
            // A2 and A3: the action planning visit window, and its agenda five working days before.
            var a2 = set[RuleIds.ActionPlanningVisitWindow];
            var apvStart = a2.WindowStart!.Value.ApplyTo(anchor, statutory);
            var apvEnd = ctx.DueFrom(a2, anchor);
            var apv = In(facts.ActionPlanningVisit);
            list.Add(ctx.Make(a2, 1, apvEnd, apv, earliest: apvStart, cycle: cycle, alternative: new AlternativeReading(
                "25–35 calendar days after receipt (handbook para 5)",
                anchor.PlusDays(25),
                anchor.PlusDays(35))));

            var a3 = set[RuleIds.ApvAgendaCirculated];
            if (apv is { } visit)
            {
                list.Add(ctx.Make(a3, 1, ctx.DueFrom(a3, visit), null, cycle: cycle));
            }
            else
            {
                list.Add(ctx.Make(a3, 1, ctx.DueFrom(a3, apvEnd), null, earliest: ctx.DueFrom(a3, apvStart), cycle: cycle));
            }

            planDeadline = ctx.DueFrom(a4, anchor);
            list.Add(ctx.Make(a4, 1, planDeadline.Value, actionPlanSubmitted, cycle: cycle));
        }

        if (set.Find(RuleIds.IlacsActionPlan) is { } b2)
        {
            var letter = In(facts.FocusedVisitLetterReceived);
            var trigger = letter ?? anchor;
            planDeadline = ctx.DueFrom(b2, trigger);
            list.Add(ctx.Make(b2, 1, planDeadline.Value, actionPlanSubmitted, cycle: cycle));
            if (letter is { } l)
            {
                var b3 = set[RuleIds.IlacsDraftPlan];
                list.Add(ctx.Make(b3, 1, ctx.DueFrom(b3, l), In(facts.DraftActionPlanSubmitted), cycle: cycle));
            }
        }

        var visits = Union(held, agreed);
        var reinspectionDecided = (cycleEnd is null && facts.Reinspection is not null) || In(facts.ReinspectionFieldworkStart) is not null;
        if (set.Find(RuleIds.FirstMonitoringVisit) is { } a6 && planDeadline is { } deadline)
        {
            // A6: (deadline, deadline + 4 weeks]; read as 20 working days in the alternative.
            LocalDate? firstHeld = held.Count > 0 ? held[0] : null;
            list.Add(ctx.Make(a6, 1, ctx.DueFrom(a6, deadline), firstHeld, earliest: a6.WindowStart!.Value.ApplyTo(deadline, statutory), cycle: cycle,
                alternative: new AlternativeReading("20 working days after the action plan deadline", deadline.PlusDays(1), statutory.AddWorkingDays(deadline, 20))));

            // A7: later visits on their agreed dates, and a soft warning when none is agreed after the last one.
            var a7 = set[RuleIds.MonitoringVisitCadence];
            for (var i = 1; i < visits.Count; i++)
            {
                var date = visits[i];
                list.Add(ctx.Make(a7, i, date, Contains(held, date) ? date : null, cycle: cycle, informational: true,
                    title: $"Monitoring visit {i + 1} (agreed date)"));
            }

            if (held.Count > 0 && visits[^1] <= held[^1] && !reinspectionDecided)
            {
                var warnAt = held[^1].PlusMonths(ctx.Parameters.MonitoringVisitSoftWarningMonths);
                list.Add(ctx.Make(a7, visits.Count, warnAt, null, cycle: cycle, step: "next_visit_agreed", informational: false,
                    title: "Next monitoring visit date to be agreed with Ofsted"));
            }
        }

        if (set.Find(RuleIds.IlacsMonitoring) is { } b5)
        {
            for (var i = 0; i < visits.Count; i++)
            {
                var date = visits[i];
                list.Add(ctx.Make(b5, i + 1, date, Contains(held, date) ? date : null, cycle: cycle));
            }
        }

        if (set.Find(RuleIds.MonitoringVisitPreVisit) is { } a8)
        {
            var a9 = set[RuleIds.MonitoringVisitReport];
            for (var i = 0; i < visits.Count; i++)
            {
                var day1 = visits[i];
                if (!Contains(held, day1) && day1 > ctx.HorizonEnd)
                {
                    continue;
                }

                Steps(in ctx, a8, i + 1, day1, cycle, list);
                Steps(in ctx, a9, i + 1, day1, cycle, list);
                if (i == 0)
                {
                    // The first monitoring visit's report is not published (handbook para 41).
                    var last = list.Count - 1;
                    list[last] = list[last] with { Status = MilestoneStatus.NotApplicable };
                }
            }
        }

        if (set.Find(RuleIds.ReinspectionDue) is { } a10 && planDeadline is { } due)
        {
            var trigger = actionPlanSubmitted ?? due;
            LocalDate? reinspected = cycleEnd ?? (facts.Reinspection?.ReportReceived is { } r && r >= anchor ? r : null);
            var expected = ctx.DueFrom(a10, trigger);
            list.Add(ctx.Make(a10, 1, expected, reinspected, earliest: a10.WindowStart!.Value.ApplyTo(trigger, statutory), cycle: cycle));
            list.Add(ctx.Make(a10, 1, expected.PlusMonths(-ctx.Parameters.ReinspectionPlanningAlertMonths), reinspected, cycle: cycle,
                step: "planning_alert", title: "Plan for the expected re-inspection", informational: true));
        }

        if (set.Find(RuleIds.ReinspectionNoticeAndPlanning) is { } a12 && In(facts.ReinspectionFieldworkStart) is { } fieldwork)
        {
            Steps(in ctx, a12, 1, fieldwork, cycle, list);
        }

        if (set.Find(RuleIds.IlacsRoutineInspectionWindow) is { } b6 && cycleEnd is null
            && facts.Reinspection is { Judgement: not Judgement.Inadequate } outcome && outcome.ReportReceived >= anchor)
        {
            list.Add(ctx.Make(b6, 1, ctx.DueFrom(b6, outcome.ReportReceived), null, earliest: b6.WindowStart!.Value.ApplyTo(outcome.ReportReceived, statutory), cycle: cycle));
        }

        if (set.Find(RuleIds.IlacsAnnualEngagement) is { } b7)
        {
            Chain(in ctx, b7, ctx.DueFrom(b7, anchor), Within(LocalDateSorted(facts.AnnualEngagementMeetings), anchor, cycleEnd), cycleEnd, cycle, list);
        }

        if (cycleEnd is { } end)
        {
            // The cycle was superseded by an inadequate re-inspection: what was still to come no longer applies.
            for (var i = first; i < list.Count; i++)
            {
                var m = list[i];
                if (m.Met is null && m.Due >= end)
                {
                    list[i] = m with { Status = MilestoneStatus.NotApplicable };
                }
            }
        }
    }

    private static void DfeIntervention(in MilestoneContext ctx, OversightFacts facts, List<Milestone> list)
    {
        var published = facts.ReportPublished ?? facts.ReportReceived;
        var reinspection = facts.Reinspection;
        LocalDate? leftInadequate = reinspection is { Judgement: not Judgement.Inadequate } r ? r.ReportReceived : null;

        list.Add(ctx.Make(DfeRules.ImprovementPlan, 1, ctx.DueFrom(DfeRules.ImprovementPlan, published), facts.ImprovementPlanApproved));

        var systemic = facts.Route == InterventionRoute.DirectionAndCommissioner
            || (facts.Route == InterventionRoute.Unknown && facts.CommissionerAppointed is not null);
        var notice = ctx.Make(DfeRules.ImprovementNotice, 1, ctx.DueFrom(DfeRules.ImprovementNotice, published), null);
        list.Add(systemic ? notice with { Status = MilestoneStatus.NotApplicable } : notice);

        // C3: six-monthly reviews, fixed from publication by default (P8), or from the previous actual review.
        var c3 = DfeRules.ProgressReview;
        var reviews = LocalDateSorted(facts.DfeReviewsHeld);
        if (ctx.Parameters.DfeReviewAnchor == DfeReviewAnchor.PreviousActual)
        {
            Chain(in ctx, c3, ctx.DueFrom(c3, published), reviews, leftInadequate, 1, list);
        }
        else
        {
            var interval = ctx.IntervalFor(c3);
            for (var k = 1; ; k++)
            {
                var due = interval.Times(k).ApplyTo(published, ctx.Statutory);
                LocalDate? met = k <= reviews.Count ? reviews[k - 1] : null;
                if (met is null && !ctx.Wanted(due, leftInadequate))
                {
                    break;
                }

                list.Add(ctx.Make(c3, k, due, met));
            }
        }

        if (facts.CommissionerAppointed is { } appointed)
        {
            list.Add(ctx.Make(DfeRules.CommissionerReport, 1, ctx.DueFrom(DfeRules.CommissionerReport, appointed), null));
        }

        var c5 = DfeRules.NextOfstedInspectionExpected;
        list.Add(ctx.Make(c5, 1, ctx.DueFrom(c5, published), reinspection?.ReportReceived, earliest: c5.WindowStart!.Value.ApplyTo(published, ctx.Statutory)));

        if (facts.CapacityFinding is { } finding)
        {
            list.Add(ctx.Make(DfeRules.TrustWithin12Months, 1, ctx.DueFrom(DfeRules.TrustWithin12Months, finding), null));
        }

        if (reinspection is { Judgement: Judgement.RequiresImprovement } ri)
        {
            list.Add(ctx.Make(DfeRules.PostInadequateSupport, 1, ctx.DueFrom(DfeRules.PostInadequateSupport, ri.ReportReceived), null, informational: true));
        }
    }

    private static void LocalGovernance(in MilestoneContext ctx, OversightFacts facts, LocalDate? exit, List<Milestone> list)
    {
        var anchor = facts.ReportReceived;
        var d1 = LocalGovernanceRules.ImprovementBoardMonthly;
        Chain(in ctx, d1, ctx.DueFrom(d1, anchor), LocalDateSorted(facts.ImprovementBoardMeetings), exit, 1, list);

        var d4 = LocalGovernanceRules.TransitionalActionPlanPeriod;
        list.Add(ctx.Make(d4, 1, ctx.DueFrom(d4, anchor), null, informational: true));

        if (facts.ImprovementPlanApproved is { } approved)
        {
            var d5 = LocalGovernanceRules.ImprovementPlanHorizon;
            list.Add(ctx.Make(d5, 1, ctx.DueFrom(d5, approved), null));
        }

        var d6 = LocalGovernanceRules.InterimArrangementExpiry;
        var starts = LocalDateSorted(facts.InterimArrangementStarts);
        for (var i = 0; i < starts.Count; i++)
        {
            list.Add(ctx.Make(d6, i + 1, ctx.DueFrom(d6, starts[i]), null));
        }
    }

    /// <summary>Each step of a multi-step rule, counted from <paramref name="day1"/>.</summary>
    private static void Steps(in MilestoneContext ctx, RuleDefinition rule, int sequence, LocalDate day1, int cycle, List<Milestone> list)
    {
        var calendar = ctx.CalendarFor(rule);
        foreach (var step in rule.Steps)
        {
            var due = step.Offset.ApplyTo(day1, calendar);
            LocalDate? earliest = step.WindowStart is { } start ? start.ApplyTo(day1, calendar) : null;
            list.Add(ctx.Make(rule, sequence, due, null, earliest: earliest, cycle: cycle, step: step.Key, title: step.Title, informational: step.Informational));
        }
    }

    /// <summary>
    /// A rule that repeats from the previous actual date (P8): occurrence 1 is due at <paramref name="firstDue"/>,
    /// held[i] meets occurrence i + 1, and the next is due one interval after the last actual date. An occurrence
    /// not yet held stays against its own due date; nothing is computed beyond it.
    /// </summary>
    internal static void Chain(in MilestoneContext ctx, RuleDefinition rule, LocalDate firstDue, IReadOnlyList<LocalDate> held, LocalDate? stop, int cycle, List<Milestone> list)
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

    private static IReadOnlyList<LocalDate> LocalDateSorted(IReadOnlyList<LocalDate> dates) => MilestoneContext.Sorted(dates);

    private static List<LocalDate> Within(IReadOnlyList<LocalDate> sorted, LocalDate from, LocalDate? before)
    {
        var result = new List<LocalDate>(sorted.Count);
        foreach (var d in sorted)
        {
            if (d >= from && (before is not { } b || d < b) && (result.Count == 0 || result[^1] != d))
            {
                result.Add(d);
            }
        }

        return result;
    }

    private static List<LocalDate> Union(List<LocalDate> a, List<LocalDate> b)
    {
        var result = new List<LocalDate>(a.Count + b.Count);
        result.AddRange(a);
        foreach (var d in b)
        {
            if (!Contains(a, d))
            {
                result.Add(d);
            }
        }

        result.Sort();
        return result;
    }

    private static bool Contains(List<LocalDate> dates, LocalDate date) => dates.BinarySearch(date) >= 0;
}
