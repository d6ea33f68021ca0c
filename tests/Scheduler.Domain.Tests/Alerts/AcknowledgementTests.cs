using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>
/// An acknowledgement belongs to a milestone at a due date: it holds for everyone until its end date, until the due
/// date changes, or until the milestone is met. Days from the December 2017 working-day count.
/// </summary>
public sealed class AcknowledgementTests
{
    [Fact]
    public void Holds_from_its_day_through_its_until_date_inclusive()
    {
        var ack = AckActionPlan(D(2017, 12, 13), D(2017, 12, 22));
        var plan = ActionPlan();

        Assert.False(ack.HoldsOn(ActionPlanKey, plan, D(2017, 12, 12)));
        Assert.True(ack.HoldsOn(ActionPlanKey, plan, D(2017, 12, 13)));
        Assert.True(ack.HoldsOn(ActionPlanKey, plan, D(2017, 12, 22)));
        Assert.False(ack.HoldsOn(ActionPlanKey, plan, D(2017, 12, 23)));
    }

    [Fact]
    public void Without_an_until_date_it_holds_until_the_milestone_is_met()
    {
        var ack = AckActionPlan(D(2017, 12, 13));

        Assert.True(ack.HoldsOn(ActionPlanKey, ActionPlan(), D(2019, 1, 1)));
        Assert.False(ack.HoldsOn(ActionPlanKey, ActionPlan(MilestoneStatus.MetLate, D(2017, 12, 20)), D(2017, 12, 21)));
        Assert.False(ack.HoldsOn(ActionPlanKey, ActionPlan(MilestoneStatus.NotApplicable), D(2017, 12, 21)));
    }

    [Fact]
    public void It_lapses_when_the_due_date_changes()
    {
        // Made against Mon 11 Dec 2017; the milestone is now due Mon 18 Dec (say, a corrected receipt date).
        var ack = AckActionPlan(D(2017, 12, 13));
        var moved = ActionPlan() with { Due = D(2017, 12, 18), Effective = D(2017, 12, 18) };

        Assert.True(ack.AppliesTo(ActionPlanKey, ActionPlan()));
        Assert.False(ack.AppliesTo(ActionPlanKey, moved));
        Assert.False(ack.HoldsOn(ActionPlanKey, moved, D(2017, 12, 14)));
    }

    [Fact]
    public void It_belongs_to_one_milestone_only()
    {
        var ack = AckActionPlan(D(2017, 12, 13));

        Assert.False(ack.HoldsOn("episode.ep-2017-09.action_plan_submission.2.1", ActionPlan(), D(2017, 12, 14)));
        Assert.False(ack.HoldsOn("episode.ep-2017-10.action_plan_submission.1.1", ActionPlan(), D(2017, 12, 14)));
    }

    [Fact]
    public void Holding_names_the_latest_acknowledgement_that_holds_for_work_lists()
    {
        var early = AckActionPlan(D(2017, 12, 12), D(2017, 12, 20), "first");
        var later = AckActionPlan(D(2017, 12, 14), D(2017, 12, 29), "renewed");
        var stale = AckActionPlan(D(2017, 12, 15), reason: "old date", due: D(2017, 12, 4));
        var all = new[] { later, stale, early };

        Assert.Equal("first", Acknowledgement.Holding(all, ActionPlanKey, ActionPlan(), D(2017, 12, 13))?.Reason);
        Assert.Equal("renewed", Acknowledgement.Holding(all, ActionPlanKey, ActionPlan(), D(2017, 12, 18))?.Reason);
        Assert.Equal("renewed", Acknowledgement.Holding(all, ActionPlanKey, ActionPlan(), D(2017, 12, 27))?.Reason);
        Assert.Null(Acknowledgement.Holding(all, ActionPlanKey, ActionPlan(), D(2018, 1, 2)));
    }

    [Fact]
    public void While_it_holds_nothing_goes_to_anyone_even_a_trigger_from_before_it()
    {
        // Sweeps last ran Mon 11 Dec; the overdue trigger of Tue 12 Dec was missed (outage). Acknowledged Wed 13
        // Dec until Fri 15 Dec: the catch-up sweep on Thu 14 Dec sends nothing, to any role.
        var ack = AckActionPlan(D(2017, 12, 13), D(2017, 12, 15));
        var alerts = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), D(2017, 12, 11), new MilestoneAlertState([ack]));

        Assert.Empty(alerts);
    }

    [Fact]
    public void An_acknowledgement_of_the_old_due_date_does_not_silence_the_new_one()
    {
        // The plan was due Mon 4 Dec and acknowledged open-ended; its date is now Mon 11 Dec 2017. The new due
        // date's timeline runs as if there were no acknowledgement: due Mon 11 Dec, overdue Tue 12 Dec.
        var ack = AckActionPlan(D(2017, 12, 5), due: D(2017, 12, 4));
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 6), D(2017, 12, 12), new MilestoneAlertState([ack]), watermark: D(2017, 12, 5));

        Assert.Equal([D(2017, 12, 11), D(2017, 12, 12)], produced.Keys);
        Assert.Equal((AlertLevel.Due, 0), Single(produced[D(2017, 12, 11)]));
    }

    [Fact]
    public void An_acknowledgement_of_another_milestone_is_ignored()
    {
        var other = new Acknowledgement("episode.ep-2017-09.commissioner_report.1.1", D(2017, 12, 11), "dcs@croydon.example", D(2017, 12, 1), "In hand");
        var produced = Sweep(Default(), Croydon, ActionPlan(), D(2017, 12, 11), D(2017, 12, 14), new MilestoneAlertState([other]), watermark: D(2017, 12, 8));

        Assert.Equal([D(2017, 12, 11), D(2017, 12, 12), D(2017, 12, 14)], produced.Keys);
        Assert.Equal(
            new[] { Role.PO, Role.DCS, Role.CEX, Role.IBC }.Order(),
            produced[D(2017, 12, 14)].Select(a => a.RecipientRole).Order());
    }
}
