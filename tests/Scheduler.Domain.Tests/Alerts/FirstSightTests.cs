using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>
/// First sight: a milestone no alert has covered yet gets one alert at its current level on the next working-day
/// sweep, then the normal cadence. Every expected level, re-notify index and day is worked out by hand below from
/// the working-day calendar (no bank holidays between 2 Oct and 22 Dec 2017; 25 and 26 Dec are) and the default
/// policy (authority-level groups: escalate after 3 working days overdue; child-level groups: after 5; every group
/// re-notifies every 5), not from the code.
/// </summary>
public sealed class FirstSightTests
{
    private static readonly LocalDate Tue12Dec = D(2017, 12, 12);
    private static readonly LocalDate Mon11Dec = D(2017, 12, 11);
    private static readonly MilestoneAlertState First = MilestoneAlertState.NotYetAlerted;

    [Fact]
    public void A_new_authority_with_overdue_child_cases_hears_about_each_on_its_first_sweep()
    {
        // Created Tue 12 Dec 2017; the sweep's watermark is yesterday, as for any other authority.
        // CP review due Wed 15 Nov: 19 WD overdue. Escalated at 5, 10, 15 WD → escalated #2, nominal Wed 6 Dec.
        // LAC review due Tue 7 Nov: 25 WD overdue. Escalated at 25 WD → escalated #4, nominal Tue 12 Dec.
        // Statutory visit due Mon 30 Oct: 31 WD overdue. Escalated at 30 WD → escalated #5, nominal Mon 11 Dec.
        var cp = Deadline("cp_review_subsequent_6m", RuleGroup.ChildProtection, D(2017, 11, 15), status: MilestoneStatus.Overdue);
        var lac = Deadline("lac_review_subsequent_6m", RuleGroup.LookedAfterReview, D(2017, 11, 7), status: MilestoneStatus.Overdue);
        var visit = Deadline("lac_visit_first_year", RuleGroup.StatutoryVisit, D(2017, 10, 30), status: MilestoneStatus.Overdue);
        var evaluator = Default();

        var cpAlerts = evaluator.Evaluate(AlertSubject.Case("NEW", "CP-1"), cp, Tue12Dec, Mon11Dec, First);
        var lacAlerts = evaluator.Evaluate(AlertSubject.Case("NEW", "LAC-1"), lac, Tue12Dec, Mon11Dec, First);
        var visitAlerts = evaluator.Evaluate(AlertSubject.Case("NEW", "LAC-2"), visit, Tue12Dec, Mon11Dec, First);

        Assert.Equal((AlertLevel.Escalated, 2), Single(cpAlerts));
        Assert.All(cpAlerts, a => Assert.Equal((D(2017, 12, 6), 19), (a.TriggerDay, a.DaysOverdue)));
        Assert.Equal([Role.CPC, Role.TM, Role.HOS], cpAlerts.Select(a => a.RecipientRole));

        Assert.Equal((AlertLevel.Escalated, 4), Single(lacAlerts));
        Assert.All(lacAlerts, a => Assert.Equal((Tue12Dec, 25), (a.TriggerDay, a.DaysOverdue)));
        Assert.Equal([Role.IRO, Role.TM, Role.HOS], lacAlerts.Select(a => a.RecipientRole));

        Assert.Equal((AlertLevel.Escalated, 5), Single(visitAlerts));
        Assert.All(visitAlerts, a => Assert.Equal((Mon11Dec, 31), (a.TriggerDay, a.DaysOverdue)));
        Assert.Equal([Role.TM, Role.IRO, Role.HOS], visitAlerts.Select(a => a.RecipientRole));

        // Without first sight the two whose last trigger fell before today would have said nothing.
        Assert.Empty(evaluator.Evaluate(AlertSubject.Case("NEW", "CP-1"), cp, Tue12Dec, Mon11Dec));
        Assert.Empty(evaluator.Evaluate(AlertSubject.Case("NEW", "LAC-2"), visit, Tue12Dec, Mon11Dec));
    }

    [Fact]
    public void The_croydon_demo_first_sweep_on_Tue_12_Dec_2017_reports_every_open_milestone_once()
    {
        // Report received and published Mon 4 Sep 2017 (SIF 2017), commissioner appointed the same day.
        var milestones = CroydonDemo();
        var subject = AlertSubject.Episode("croydon", "sif-2017-20170904");
        var evaluator = Default();

        var produced = milestones
            .SelectMany(m => evaluator.Evaluate(subject, m, Tue12Dec, Mon11Dec, First))
            .GroupBy(a => a.MilestoneKey)
            .ToDictionary(g => g.Key, g => g.ToList());

        var po = new[] { Role.PO, Role.DCS };
        var poEscalated = new[] { Role.PO, Role.DCS, Role.CEX, Role.IBC };
        var dfeEscalated = new[] { Role.DCS, Role.PO, Role.CEX, Role.IBC };
        var localEscalated = new[] { Role.PO, Role.IBC, Role.DCS };
        var expected = new (string Key, AlertLevel Level, int Renotify, LocalDate Trigger, int Overdue, Role[] Roles)[]
        {
            // Action planning visit window closed Mon 23 Oct: 36 WD overdue; escalated at 3, 8, …, 33 → #6, Thu 7 Dec.
            ("episode.sif-2017-20170904.ofsted_action_planning_visit_window.1.1", AlertLevel.Escalated, 6, D(2017, 12, 7), 36, poEscalated),
            // Written statement of action due Mon 11 Dec: first overdue day.
            ("episode.sif-2017-20170904.action_plan_submission.1.1", AlertLevel.Overdue, 0, Tue12Dec, 1, po),
            // First monitoring visit window (after 11 Dec to 8 Jan 2018) opens today.
            ("episode.sif-2017-20170904.ofsted_first_monitoring_visit.1.1", AlertLevel.WindowOpen, 0, Tue12Dec, 0, po),
            // DfE plan target and commissioner's report due Mon 4 Dec: 6 WD overdue, escalated at 3 → Thu 7 Dec.
            ("episode.sif-2017-20170904.dfe_improvement_plan_3m.1.1", AlertLevel.Escalated, 0, D(2017, 12, 7), 6, dfeEscalated),
            ("episode.sif-2017-20170904.commissioner_report.1.1", AlertLevel.Escalated, 0, D(2017, 12, 7), 6, dfeEscalated),
            // First improvement board due Wed 4 Oct (none recorded): 49 WD overdue; escalated at 48 → #9, Mon 11 Dec.
            ("episode.sif-2017-20170904.improvement_board_monthly.1.1", AlertLevel.Escalated, 9, Mon11Dec, 49, localEscalated),
        };

        // Not alerted: the report was published (met); the agenda (Ofsted's step) and the end of the transitional
        // plan period (an end date nothing records) are informational and past, so history rather than a slip;
        // the improvement notice is not applicable (commissioner route); the rest are in the future.
        Assert.Equal(expected.Select(e => e.Key).Order(), produced.Keys.Order());
        foreach (var (key, level, renotify, trigger, overdue, roles) in expected)
        {
            var alerts = produced[key];
            Assert.Equal((level, renotify), Single(alerts));
            Assert.All(alerts, a => Assert.Equal((trigger, overdue), (a.TriggerDay, a.DaysOverdue)));
            Assert.Equal(roles.Order(), alerts.Select(a => a.RecipientRole).Order());
        }
    }

    [Fact]
    public void After_the_first_sweep_the_croydon_demo_follows_the_cadence()
    {
        // Daily sweeps Wed 13 – Fri 22 Dec 2017 after the first sweep of Tue 12 Dec:
        // Thu 14 Dec: visit window escalated #7 (38 WD); action plan escalated #0 (3 WD); DfE plan and commissioner's
        //   report escalated #1 (8 WD).
        // Mon 18 Dec: improvement board escalated #10 (53 WD).
        // Wed 20 Dec: first monitoring visit upcoming (10 WD before Mon 8 Jan 2018, skipping 25, 26 Dec and 1 Jan).
        // Thu 21 Dec: visit window #8 (43 WD); action plan #1 (8 WD); DfE plan and report #2 (13 WD).
        var milestones = CroydonDemo();
        var subject = AlertSubject.Episode("croydon", "sif-2017-20170904");
        var evaluator = Default();
        var byDay = new SortedDictionary<LocalDate, List<(string Rule, AlertLevel Level, int Renotify)>>();
        foreach (var milestone in milestones)
        {
            foreach (var (day, alerts) in Sweep(evaluator, subject, milestone, D(2017, 12, 13), D(2017, 12, 22), watermark: Tue12Dec))
            {
                var (level, renotify) = Single(alerts);
                Assert.All(alerts, a => Assert.Equal(day, a.TriggerDay));
                (byDay.TryGetValue(day, out var list) ? list : byDay[day] = []).Add((milestone.Rule, level, renotify));
            }
        }

        Assert.Equal([D(2017, 12, 14), D(2017, 12, 18), D(2017, 12, 20), D(2017, 12, 21)], byDay.Keys);
        Assert.Equal(
            new[]
            {
                ("action_plan_submission", AlertLevel.Escalated, 0),
                ("commissioner_report", AlertLevel.Escalated, 1),
                ("dfe_improvement_plan_3m", AlertLevel.Escalated, 1),
                ("ofsted_action_planning_visit_window", AlertLevel.Escalated, 7),
            },
            byDay[D(2017, 12, 14)].OrderBy(x => x.Rule, StringComparer.Ordinal));
        Assert.Equal(new[] { ("improvement_board_monthly", AlertLevel.Escalated, 10) }, byDay[D(2017, 12, 18)]);
        Assert.Equal(new[] { ("ofsted_first_monitoring_visit", AlertLevel.Upcoming, 0) }, byDay[D(2017, 12, 20)]);
        Assert.Equal(
            new[]
            {
                ("action_plan_submission", AlertLevel.Escalated, 1),
                ("commissioner_report", AlertLevel.Escalated, 2),
                ("dfe_improvement_plan_3m", AlertLevel.Escalated, 2),
                ("ofsted_action_planning_visit_window", AlertLevel.Escalated, 8),
            },
            byDay[D(2017, 12, 21)].OrderBy(x => x.Rule, StringComparer.Ordinal));
    }

    [Fact]
    public void First_sight_gives_the_nominal_key_that_daily_sweeps_would_have_sent()
    {
        // Whichever day the milestone is first seen, its alert is one the uninterrupted daily sweeps produce, so
        // the ledger recognises it if it was in fact sent before.
        var evaluator = Default();
        var daily = Sweep(evaluator, Croydon, ActionPlan(), D(2017, 11, 1), D(2018, 2, 28))
            .Values.SelectMany(a => a).Select(a => a.Key).ToHashSet();
        var seen = 0;
        for (var day = D(2017, 11, 27); day <= D(2018, 2, 28); day = day.PlusDays(1))
        {
            var alerts = evaluator.Evaluate(Croydon, ActionPlan(), day, day.PlusDays(-1), First);
            Assert.Equal(EW.IsWorkingDay(day), alerts.Count > 0);
            Assert.Subset(daily, alerts.Select(a => a.Key).ToHashSet());
            seen += alerts.Count;
        }

        Assert.True(seen > 0);
    }

    [Fact]
    public void First_sight_ignores_the_watermark_so_a_milestone_created_after_todays_sweep_is_still_told()
    {
        var alerts = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), lastEvaluatedDay: D(2017, 12, 14), First);

        Assert.Equal((AlertLevel.Escalated, 0), Single(alerts));
        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), lastEvaluatedDay: D(2017, 12, 14)));
    }

    [Fact]
    public void A_milestone_whose_first_trigger_is_still_ahead_gets_nothing()
    {
        // Upcoming alert due Mon 27 Nov 2017 (10 WD before 11 Dec): nothing yet on Fri 24 Nov.
        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(), D(2017, 11, 24), D(2017, 11, 23), First));
        Assert.Equal((AlertLevel.Upcoming, 0), Single(Default().Evaluate(Croydon, ActionPlan(), D(2017, 11, 27), D(2017, 11, 24), First)));
    }

    [Fact]
    public void Nothing_on_a_non_working_day_even_at_first_sight()
    {
        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 16), D(2017, 12, 15), First));
        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 25), D(2017, 12, 22), First));
    }

    [Fact]
    public void Another_bodys_step_is_told_up_to_its_due_day_and_never_chased_at_first_sight()
    {
        var step = ActionPlan() with { Informational = true };

        Assert.Equal((AlertLevel.Upcoming, 0), Single(Default().Evaluate(Croydon, step, D(2017, 12, 1), D(2017, 11, 30), First)));
        Assert.Equal((AlertLevel.Due, 0), Single(Default().Evaluate(Croydon, step, Mon11Dec, D(2017, 12, 8), First)));
        Assert.Empty(Default().Evaluate(Croydon, step, Tue12Dec, Mon11Dec, First));
        Assert.Empty(Default().Evaluate(Croydon, step, D(2018, 1, 9), D(2018, 1, 8), First));
    }

    [Fact]
    public void First_sight_waits_while_an_acknowledgement_holds_and_tells_the_current_state_after_it()
    {
        // Acknowledged Wed 13 – Fri 22 Dec. Seen first on Mon 18 Dec: nothing. Seen first on Wed 27 Dec (first
        // working day after it): 10 WD overdue, escalated at 3 and 8 → #1, nominal Thu 21 Dec.
        var state = First with { Acknowledgements = [AckActionPlan(D(2017, 12, 13), D(2017, 12, 22))] };

        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 18), D(2017, 12, 15), state));
        var alerts = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 27), D(2017, 12, 22), state);
        Assert.Equal((AlertLevel.Escalated, 1), Single(alerts));
        Assert.All(alerts, a => Assert.Equal((D(2017, 12, 21), 10), (a.TriggerDay, a.DaysOverdue)));
    }

    [Fact]
    public void An_agreed_date_still_silences_the_window_alerts_at_first_sight()
    {
        // Window Mon 9 – Mon 23 Oct 2017 with a date agreed: on Wed 11 Oct nothing is due yet.
        var state = First with { AgreedDate = D(2017, 10, 18) };

        Assert.Empty(Default().Evaluate(Croydon, ActionPlanningVisit(), D(2017, 10, 11), D(2017, 10, 10), state));
        Assert.Equal((AlertLevel.WindowOpen, 0), Single(Default().Evaluate(Croydon, ActionPlanningVisit(), D(2017, 10, 11), D(2017, 10, 10), First)));
    }

    [Fact]
    public void A_met_milestone_is_never_told()
    {
        Assert.Empty(Default().Evaluate(Croydon, ActionPlan(MilestoneStatus.MetLate, D(2017, 12, 13)), D(2017, 12, 14), D(2017, 12, 13), First));
    }

    private static IReadOnlyList<Milestone> CroydonDemo() => OversightCalendar.Compute(
        new OversightFacts
        {
            ReportReceived = D(2017, 9, 4),
            ReportPublished = D(2017, 9, 4),
            CommissionerAppointed = D(2017, 9, 4),
        },
        AuthorityParameters.Default,
        EW,
        EW,
        Tue12Dec);
}
