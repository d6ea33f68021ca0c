using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>
/// The escalation ladder on real calendars. Every expected day comes from the working-day facts of the rules
/// spec (§6: working day k after Mon 4 Sep 2017; the December 2017 count in §6c), not from the code.
/// </summary>
public sealed class EscalationTimelineTests
{
    [Fact]
    public void Action_plan_daily_sweeps_give_lead_due_overdue_escalated_and_renotify_days()
    {
        // Due Mon 11 Dec 2017. Lead 10 WD: WD 60 after 4 Sep = Mon 27 Nov. Overdue: Tue 12 Dec. Escalated at
        // 3 WD overdue: Thu 14 Dec. Re-notify every 5 WD: Thu 21 Dec (WD 8 of §6c), Tue 2 Jan 2018 (WD 13,
        // after 25, 26 Dec and 1 Jan), Tue 9 Jan 2018 (WD 18).
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 11, 20), D(2018, 1, 12));

        var expected = new (LocalDate Day, AlertLevel Level, int Renotify)[]
        {
            (D(2017, 11, 27), AlertLevel.Upcoming, 0),
            (D(2017, 12, 11), AlertLevel.Due, 0),
            (D(2017, 12, 12), AlertLevel.Overdue, 0),
            (D(2017, 12, 14), AlertLevel.Escalated, 0),
            (D(2017, 12, 21), AlertLevel.Escalated, 1),
            (D(2018, 1, 2), AlertLevel.Escalated, 2),
            (D(2018, 1, 9), AlertLevel.Escalated, 3),
        };
        Assert.Equal(expected.Select(e => e.Day), produced.Keys);
        foreach (var (day, level, renotify) in expected)
        {
            Assert.Equal((level, renotify), Single(produced[day]));
            Assert.All(produced[day], a => Assert.Equal(day, a.TriggerDay));
        }
    }

    [Fact]
    public void An_informational_step_gets_a_heads_up_and_the_due_day_but_is_never_chased()
    {
        // Ofsted's own step (say, circulating the agenda) due Mon 11 Dec 2017: upcoming on Mon 27 Nov, due on
        // 11 Dec; no overdue, escalated or re-notify alerts however long it stays unrecorded.
        var step = ActionPlan() with { Informational = true };

        var produced = Sweep(Default(), Croydon, step, D(2017, 11, 20), D(2018, 1, 31));

        Assert.Equal([D(2017, 11, 27), D(2017, 12, 11)], produced.Keys);
        Assert.Equal((AlertLevel.Due, 0), Single(produced[D(2017, 12, 11)]));
    }

    [Fact]
    public void Audiences_follow_the_routing_matrix_and_escalation_adds_roles()
    {
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 11, 20), D(2017, 12, 15));

        Assert.Equal([Role.PO, Role.DCS], produced[D(2017, 11, 27)].Select(a => a.RecipientRole));
        Assert.Equal([Role.PO, Role.DCS], produced[D(2017, 12, 12)].Select(a => a.RecipientRole));
        Assert.Equal(
            new[] { Role.PO, Role.DCS, Role.CEX, Role.IBC }.Order(),
            produced[D(2017, 12, 14)].Select(a => a.RecipientRole).Order());
    }

    [Fact]
    public void Days_overdue_counts_working_days_past_the_effective_date()
    {
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 11), D(2017, 12, 21));

        Assert.All(produced[D(2017, 12, 11)], a => Assert.Equal(0, a.DaysOverdue));
        Assert.All(produced[D(2017, 12, 12)], a => Assert.Equal(1, a.DaysOverdue));
        Assert.All(produced[D(2017, 12, 14)], a => Assert.Equal(3, a.DaysOverdue));
        Assert.All(produced[D(2017, 12, 21)], a => Assert.Equal(8, a.DaysOverdue));
    }

    [Fact]
    public void Nothing_on_weekends_or_bank_holidays_and_the_effective_date_rules_for_a_nominal_holiday()
    {
        // CP review nominal Mon 25 Dec 2017, effective Fri 22 Dec (P6). Lead 5 WD: Fri 15 Dec. Overdue: Wed 27 Dec
        // (25, 26 Dec are holidays). Escalated at 5 WD: 27, 28, 29 Dec, 2 Jan, Wed 3 Jan 2018. Re-notify: Wed 10 Jan.
        var subject = AlertSubject.Case("CRO", "CR-000123");
        var produced = Sweep(Default(), subject, CpReviewOverChristmas(), D(2017, 12, 1), D(2018, 1, 12));

        Assert.Equal(
            [D(2017, 12, 15), D(2017, 12, 22), D(2017, 12, 27), D(2018, 1, 3), D(2018, 1, 10)],
            produced.Keys);
        Assert.Equal((AlertLevel.Due, 0), Single(produced[D(2017, 12, 22)]));
        Assert.Equal((AlertLevel.Overdue, 0), Single(produced[D(2017, 12, 27)]));
        Assert.Equal((AlertLevel.Escalated, 0), Single(produced[D(2018, 1, 3)]));
        Assert.Equal([Role.CPC, Role.TM, Role.HOS], produced[D(2018, 1, 3)].Select(a => a.RecipientRole));
    }

    [Theory]
    [InlineData(2017, 12, 23)]
    [InlineData(2017, 12, 24)]
    [InlineData(2017, 12, 25)]
    [InlineData(2017, 12, 26)]
    [InlineData(2018, 1, 1)]
    public void A_sweep_on_a_non_working_day_produces_nothing_and_keeps_the_watermark(int y, int m, int d)
    {
        var evaluator = Default();
        var today = D(y, m, d);
        var watermark = D(2017, 12, 21);

        Assert.Empty(evaluator.Evaluate(AlertSubject.Case("CRO", "CR-1"), CpReviewOverChristmas(), today, watermark));
        Assert.Equal(watermark, evaluator.NextWatermark(watermark, today));
    }

    [Fact]
    public void What_accrues_over_a_holiday_outage_is_produced_on_the_next_working_day_once()
    {
        // The sweep last completed Thu 21 Dec; Fri 22 Dec (due day) failed; 23–26 Dec are not working days.
        var evaluator = Default();
        var subject = AlertSubject.Case("CRO", "CR-1");
        var produced = Sweep(
            evaluator,
            subject,
            CpReviewOverChristmas(),
            D(2017, 12, 22),
            D(2017, 12, 29),
            outage: day => day == D(2017, 12, 22),
            watermark: D(2017, 12, 21));

        Assert.Equal([D(2017, 12, 27)], produced.Keys);
        Assert.Equal((AlertLevel.Overdue, 0), Single(produced[D(2017, 12, 27)]));
    }

    [Fact]
    public void A_nominal_sunday_date_alerts_on_the_friday_before()
    {
        // DfE six-monthly review 1: nominal Sun 4 Mar 2018, effective Fri 2 Mar 2018 (§6d). Overdue Mon 5 Mar.
        var review = Deadline("dfe_six_monthly_review", RuleGroup.DfeIntervention, D(2018, 3, 4), effective: D(2018, 3, 2));
        var produced = Sweep(Default(), Croydon, review, D(2018, 2, 26), D(2018, 3, 6));

        Assert.Equal((AlertLevel.Due, 0), Single(produced[D(2018, 3, 2)]));
        Assert.Equal((AlertLevel.Overdue, 0), Single(produced[D(2018, 3, 5)]));
        Assert.Equal([Role.DCS, Role.PO], produced[D(2018, 3, 2)].Select(a => a.RecipientRole));
    }

    [Fact]
    public void Overdue_renotifies_at_the_cadence_before_escalation()
    {
        // Looked-after review R1 due Mon 2 Oct 2017 (20 WD after Mon 4 Sep). Override: escalate after 8 WD,
        // re-notify every 3. Overdue +1 Tue 3 Oct, +4 Fri 6 Oct, +7 Wed 11 Oct; escalated +8 Thu 12 Oct, +11 Tue 17 Oct.
        var policy = EscalationPolicy.Default.With(new EscalationPolicyOverride(new Dictionary<RuleGroup, GroupPolicyOverride>
        {
            [RuleGroup.LookedAfterReview] = new(EscalateAfterWorkingDays: 8, RenotifyEveryWorkingDays: 3),
        }));
        var review = Deadline("la_review_first", RuleGroup.LookedAfterReview, D(2017, 10, 2));
        var produced = Sweep(new(policy, EW), AlertSubject.Case("CRO", "CR-9"), review, D(2017, 10, 3), D(2017, 10, 18));

        Assert.Equal([D(2017, 10, 3), D(2017, 10, 6), D(2017, 10, 11), D(2017, 10, 12), D(2017, 10, 17)], produced.Keys);
        Assert.Equal((AlertLevel.Overdue, 0), Single(produced[D(2017, 10, 3)]));
        Assert.Equal((AlertLevel.Overdue, 1), Single(produced[D(2017, 10, 6)]));
        Assert.Equal((AlertLevel.Overdue, 2), Single(produced[D(2017, 10, 11)]));
        Assert.Equal((AlertLevel.Escalated, 0), Single(produced[D(2017, 10, 12)]));
        Assert.Equal((AlertLevel.Escalated, 1), Single(produced[D(2017, 10, 17)]));
        Assert.Equal([Role.IRO, Role.TM], produced[D(2017, 10, 6)].Select(a => a.RecipientRole));
        Assert.Equal([Role.IRO, Role.TM, Role.HOS], produced[D(2017, 10, 12)].Select(a => a.RecipientRole));
    }
}
