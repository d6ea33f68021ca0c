using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Windows, acknowledgements, met milestones. Days from the rules spec §6b and §6c.</summary>
public sealed class WindowAndStateTests
{
    [Fact]
    public void Window_alerts_when_it_opens_then_due_and_overdue_at_its_close()
    {
        // Window Mon 9 – Mon 23 Oct 2017. The default 10-WD lead lands on Mon 9 Oct, the opening day, so the
        // window-open alert covers it. Overdue Tue 24 Oct; escalated at 3 WD: Thu 26 Oct.
        var produced = Sweep(Default(), Croydon, ActionPlanningVisit(), D(2017, 10, 2), D(2017, 10, 27));

        Assert.Equal([D(2017, 10, 9), D(2017, 10, 23), D(2017, 10, 24), D(2017, 10, 26)], produced.Keys);
        Assert.Equal((AlertLevel.WindowOpen, 0), Single(produced[D(2017, 10, 9)]));
        Assert.Equal((AlertLevel.Due, 0), Single(produced[D(2017, 10, 23)]));
        Assert.Equal((AlertLevel.Overdue, 0), Single(produced[D(2017, 10, 24)]));
        Assert.Equal((AlertLevel.Escalated, 0), Single(produced[D(2017, 10, 26)]));
    }

    [Fact]
    public void Window_with_a_shorter_lead_also_warns_before_it_closes()
    {
        // Lead 5 WD before Mon 23 Oct = Mon 16 Oct (WD 30 after 4 Sep).
        var policy = EscalationPolicy.Default.With(new EscalationPolicyOverride(new Dictionary<RuleGroup, GroupPolicyOverride>
        {
            [RuleGroup.OfstedPostInspection] = new(LeadWorkingDays: 5),
        }));
        var produced = Sweep(new(policy, EW), Croydon, ActionPlanningVisit(), D(2017, 10, 2), D(2017, 10, 23));

        Assert.Equal([D(2017, 10, 9), D(2017, 10, 16), D(2017, 10, 23)], produced.Keys);
        Assert.Equal((AlertLevel.Upcoming, 0), Single(produced[D(2017, 10, 16)]));
    }

    [Fact]
    public void Window_opening_on_a_saturday_alerts_on_the_monday()
    {
        var produced = Sweep(Default(), Croydon, ActionPlanningVisit(earliest: D(2017, 10, 7)), D(2017, 10, 2), D(2017, 10, 13));

        Assert.Equal([D(2017, 10, 9)], produced.Keys);
        Assert.Equal((AlertLevel.WindowOpen, 0), Single(produced[D(2017, 10, 9)]));
    }

    [Fact]
    public void An_agreed_date_silences_the_window_alerts_but_not_due_and_overdue()
    {
        var state = new MilestoneAlertState([], AgreedDate: D(2017, 10, 18));
        var produced = Sweep(Default(), Croydon, ActionPlanningVisit(), D(2017, 10, 2), D(2017, 10, 24), state);

        Assert.Equal([D(2017, 10, 23), D(2017, 10, 24)], produced.Keys);
    }

    [Fact]
    public void Acknowledgement_stops_alerts_and_expiry_resumes_them_on_the_next_working_day()
    {
        // Acknowledged Wed 13 Dec until Fri 22 Dec: the escalations of Thu 14 Dec and Thu 21 Dec are held back.
        // The first working day after Fri 22 Dec is Wed 27 Dec: the latest held-back alert (escalated #1, nominal
        // Thu 21 Dec) goes then; the cadence continues Tue 2 Jan and Tue 9 Jan 2018.
        var ack = AckActionPlan(D(2017, 12, 13), D(2017, 12, 22), "Plan submitted; awaiting confirmation");
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 1), D(2018, 1, 12), new MilestoneAlertState([ack]), watermark: D(2017, 11, 30));

        Assert.Equal([D(2017, 12, 11), D(2017, 12, 12), D(2017, 12, 27), D(2018, 1, 2), D(2018, 1, 9)], produced.Keys);
        Assert.Equal((AlertLevel.Escalated, 1), Single(produced[D(2017, 12, 27)]));
        Assert.All(produced[D(2017, 12, 27)], a => Assert.Equal(D(2017, 12, 21), a.TriggerDay));
        Assert.Equal((AlertLevel.Escalated, 2), Single(produced[D(2018, 1, 2)]));
    }

    [Fact]
    public void Open_ended_acknowledgement_stops_alerts_for_good()
    {
        var ack = AckActionPlan(D(2017, 12, 13), reason: "Agreed extension with DfE");
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 1), D(2018, 3, 30), new MilestoneAlertState([ack]), watermark: D(2017, 11, 30));

        Assert.Equal([D(2017, 12, 11), D(2017, 12, 12)], produced.Keys);
    }

    [Fact]
    public void Acknowledgement_expiring_between_triggers_resumes_with_the_next_natural_trigger()
    {
        // Held Fri 15 – Mon 18 Dec: nothing triggers then, so nothing is released on Tue 19 Dec.
        var ack = AckActionPlan(D(2017, 12, 15), D(2017, 12, 18), "Chasing");
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 13), D(2017, 12, 22), new MilestoneAlertState([ack]));

        Assert.Equal([D(2017, 12, 13), D(2017, 12, 14), D(2017, 12, 21)], produced.Keys);
    }

    [Theory]
    [InlineData(MilestoneStatus.Met)]
    [InlineData(MilestoneStatus.MetLate)]
    [InlineData(MilestoneStatus.NotApplicable)]
    public void Met_or_not_applicable_milestones_alert_no_more(MilestoneStatus status)
    {
        var met = status == MilestoneStatus.NotApplicable ? (NodaTime.LocalDate?)null : D(2017, 12, 13);
        var produced = Sweep(Default(), Croydon, ActionPlan(status, met), D(2017, 12, 14), D(2018, 1, 31));

        Assert.Empty(produced);
    }

    [Fact]
    public void Catch_up_over_a_skipped_week_produces_the_current_state_once()
    {
        // Last sweep Fri 8 Dec; none until Mon 18 Dec. Due (11), overdue (12) and escalated (14 Dec) all fell in
        // between: each recipient gets the escalated alert once, with its nominal trigger day.
        var evaluator = Default();
        var alerts = evaluator.Evaluate(Croydon, ActionPlan(), D(2017, 12, 18), D(2017, 12, 8));

        Assert.Equal(new[] { Role.PO, Role.DCS, Role.CEX, Role.IBC }.Order(), alerts.Select(a => a.RecipientRole).Order());
        Assert.All(alerts, a =>
        {
            Assert.Equal(AlertLevel.Escalated, a.Level);
            Assert.Equal(0, a.Renotify);
            Assert.Equal(D(2017, 12, 14), a.TriggerDay);
            Assert.Equal(5, a.DaysOverdue);
        });

        Assert.Empty(evaluator.Evaluate(Croydon, ActionPlan(), D(2017, 12, 19), D(2017, 12, 18)));
        Assert.Equal(alerts, evaluator.EvaluateRange(Croydon, ActionPlan(), D(2017, 12, 8), D(2017, 12, 18)));
    }

    [Fact]
    public void Catch_up_with_gaps_never_repeats_a_key_and_ends_in_the_same_state_as_daily_sweeps()
    {
        var evaluator = Default();
        var daily = Sweep(evaluator, Croydon, ActionPlan(), D(2017, 11, 1), D(2018, 2, 28));
        var random = new Random(20171211);
        for (var run = 0; run < 50; run++)
        {
            var skipped = new HashSet<NodaTime.LocalDate>();
            for (var day = D(2017, 11, 1); day < D(2018, 2, 28); day = day.PlusDays(1))
            {
                if (random.NextDouble() < 0.4)
                {
                    skipped.Add(day);
                }
            }

            var gappy = Sweep(evaluator, Croydon, ActionPlan(), D(2017, 11, 1), D(2018, 2, 28), outage: skipped.Contains);
            var keys = gappy.Values.SelectMany(a => a).Select(a => a.Key).ToList();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.Subset(daily.Values.SelectMany(a => a).Select(a => a.Key).ToHashSet(), keys.ToHashSet());
            Assert.Equal(
                daily.Values.Last().Select(a => a.Key),
                gappy.Values.Last().Select(a => a.Key));
        }
    }

    [Fact]
    public void A_first_sweep_with_no_watermark_sends_the_current_state_once()
    {
        // Tracked from Fri 1 Dec 2017: the upcoming trigger (Mon 27 Nov) is the current state.
        var alerts = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 1), lastEvaluatedDay: null);

        Assert.Equal((AlertLevel.Upcoming, 0), Single(alerts));
        Assert.All(alerts, a => Assert.Equal(D(2017, 11, 27), a.TriggerDay));
    }
}
