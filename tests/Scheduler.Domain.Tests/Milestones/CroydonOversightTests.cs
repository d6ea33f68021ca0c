using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Milestones;

/// <summary>The spec's worked examples for Croydon: report received and published Mon 4 Sep 2017.</summary>
public sealed class CroydonOversightTests
{
    private static readonly OversightFacts Croydon = new()
    {
        ReportReceived = D(2017, 9, 4),
        ReportPublished = D(2017, 9, 4),
        CommissionerAppointed = D(2017, 9, 4),
        InterimArrangementStarts = [D(2017, 10, 2)],
    };

    private static IReadOnlyList<Milestone> Compute(OversightFacts facts, Scheduler.Domain.Rules.AuthorityParameters? p = null, NodaTime.LocalDate? today = null) =>
        OversightCalendar.Compute(facts, p ?? AuthorityParameters.Default, Statutory, Statutory, today ?? D(2017, 9, 4));

    [Fact]
    public void Action_plan_is_due_on_the_70th_working_day_Mon_11_Dec_2017()
    {
        var m = Compute(Croydon).One("action_plan_submission");
        Assert.Equal(D(2017, 12, 11), m.Due);
        Assert.Equal(D(2017, 12, 11), m.Effective);
        Assert.Null(m.Earliest);
        Assert.Equal("Written statement of action (action plan) due", m.Title);
        Assert.Equal([Role.PO, Role.DCS], m.Audience);
        Assert.Equal(RuleGroup.OfstedPostInspection, m.Group);
    }

    [Fact]
    public void Report_publication_duty_is_due_on_the_30th_working_day_Mon_16_Oct_2017()
    {
        Assert.Equal(D(2017, 10, 16), Compute(Croydon).One("la_publish_inspection_report").Due);
    }

    [Fact]
    public void Action_planning_visit_window_is_9_to_23_Oct_with_the_calendar_day_reading_29_Sep_to_9_Oct()
    {
        var m = Compute(Croydon).One("ofsted_action_planning_visit_window");
        Assert.Equal(D(2017, 10, 9), m.Earliest);
        Assert.Equal(D(2017, 10, 23), m.Due);
        Assert.NotNull(m.Alternative);
        Assert.Equal(D(2017, 9, 29), m.Alternative.Earliest);
        Assert.Equal(D(2017, 10, 9), m.Alternative.Due);
    }

    [Fact]
    public void Agenda_goes_out_five_working_days_before_the_visit()
    {
        // Without a visit date: between 2 Oct (for a 9 Oct visit) and 16 Oct (for a 23 Oct visit).
        var open = Compute(Croydon).One("ofsted_apv_agenda_circulated");
        Assert.Equal(D(2017, 10, 2), open.Earliest);
        Assert.Equal(D(2017, 10, 16), open.Due);
        Assert.True(open.Informational);

        var fixedVisit = Compute(Croydon with { ActionPlanningVisit = D(2017, 10, 9) }).One("ofsted_apv_agenda_circulated");
        Assert.Equal(D(2017, 10, 2), fixedVisit.Due);
    }

    [Fact]
    public void First_monitoring_visit_window_is_after_11_Dec_2017_to_8_Jan_2018_with_the_20_working_day_reading_11_Jan()
    {
        var m = Compute(Croydon).One("ofsted_first_monitoring_visit");
        Assert.Equal(D(2017, 12, 12), m.Earliest);
        Assert.Equal(D(2018, 1, 8), m.Due);
        Assert.Equal(D(2018, 1, 8), m.Effective);
        Assert.NotNull(m.Alternative);
        Assert.Equal(D(2018, 1, 11), m.Alternative.Due);
    }

    [Fact]
    public void Dfe_plan_target_and_commissioner_report_fall_on_Mon_4_Dec_2017()
    {
        var ms = Compute(Croydon);
        Assert.Equal(D(2017, 12, 4), ms.One("dfe_improvement_plan_3m").Due);
        Assert.Equal(D(2017, 12, 4), ms.One("commissioner_report").Due);
        Assert.Equal(D(2017, 12, 4), ms.One("commissioner_report").Effective);
    }

    [Fact]
    public void Improvement_notice_does_not_apply_on_the_direction_and_commissioner_route()
    {
        Assert.Equal(MilestoneStatus.NotApplicable, Compute(Croydon).One("dfe_improvement_notice_3m").Status);
        var noCommissioner = Compute(Croydon with { CommissionerAppointed = null }).One("dfe_improvement_notice_3m");
        Assert.Equal(MilestoneStatus.Upcoming, noCommissioner.Status);
        Assert.Equal(D(2017, 12, 4), noCommissioner.Due);
    }

    [Fact]
    public void Reinspection_is_expected_by_Wed_11_Dec_2019_when_the_plan_goes_in_on_the_deadline()
    {
        var ms = Compute(Croydon);
        Assert.Equal(D(2019, 12, 11), ms.One("ofsted_reinspection_due").Due);
        Assert.Equal(D(2019, 6, 11), ms.One("ofsted_reinspection_due", step: "planning_alert").Due);

        // Counted from the actual submission when one is recorded (AMB-7).
        var early = Compute(Croydon with { ActionPlanSubmitted = D(2017, 12, 1) });
        Assert.Equal(D(2019, 12, 1), early.One("ofsted_reinspection_due").Due);
    }

    [Fact]
    public void Interim_arrangements_from_2_Oct_2017_expire_on_Easter_Monday_effective_Thu_29_Mar_2018()
    {
        var m = Compute(Croydon).One("interim_arrangement_expiry");
        Assert.Equal(D(2018, 4, 2), m.Due);
        Assert.Equal(D(2018, 3, 29), m.Effective);
        Assert.True(m.MovedToWorkingDay);
    }

    [Fact]
    public void Dfe_six_monthly_reviews_follow_the_fixed_cadence_table_with_effective_dates()
    {
        // Spec §6d; today 4 Sep 2019 puts the 2-year horizon at 4 Sep 2021, so exactly eight reviews.
        var reviews = Compute(Croydon, today: D(2019, 9, 4)).All("dfe_progress_review");
        (NodaTime.LocalDate Nominal, NodaTime.LocalDate Effective)[] expected =
        [
            (D(2018, 3, 4), D(2018, 3, 2)),
            (D(2018, 9, 4), D(2018, 9, 4)),
            (D(2019, 3, 4), D(2019, 3, 4)),
            (D(2019, 9, 4), D(2019, 9, 4)),
            (D(2020, 3, 4), D(2020, 3, 4)),
            (D(2020, 9, 4), D(2020, 9, 4)),
            (D(2021, 3, 4), D(2021, 3, 4)),
            (D(2021, 9, 4), D(2021, 9, 3)),
        ];
        Assert.Equal(expected, reviews.Select(r => (r.Due, r.Effective)));
        Assert.Equal(Enumerable.Range(1, 8), reviews.Select(r => r.Sequence));
    }

    [Fact]
    public void Dfe_reviews_stay_on_the_fixed_cadence_when_a_review_is_held_late()
    {
        var reviews = Compute(Croydon with { DfeReviewsHeld = [D(2018, 3, 15)] }, today: D(2018, 4, 1)).All("dfe_progress_review");
        Assert.Equal(MilestoneStatus.MetLate, reviews[0].Status);
        Assert.Equal(D(2018, 9, 4), reviews[1].Due);
    }

    [Fact]
    public void Dfe_reviews_can_re_anchor_on_the_previous_actual_review()
    {
        var p = AuthorityParameters.Default with { DfeReviewAnchor = DfeReviewAnchor.PreviousActual };
        var reviews = Compute(Croydon with { DfeReviewsHeld = [D(2018, 3, 15)] }, p, D(2018, 4, 1)).All("dfe_progress_review");
        Assert.Equal(2, reviews.Count);
        Assert.Equal(D(2018, 3, 4), reviews[0].Due);
        Assert.Equal(D(2018, 9, 15), reviews[1].Due);
    }

    [Fact]
    public void Monitoring_visit_timeline_counts_working_days_from_day_1_Wed_13_Dec_2017()
    {
        // Spec §6h.
        var ms = Compute(Croydon with { MonitoringVisitsAgreed = [D(2017, 12, 13)] });
        Assert.Equal(D(2017, 11, 29), ms.One("mv_pre_visit_milestones", step: "data_request").Due);
        Assert.Equal(D(2017, 12, 1), ms.One("mv_pre_visit_milestones", step: "audited_cases_notice").Due);
        Assert.Equal(D(2017, 12, 8), ms.One("mv_pre_visit_milestones", step: "la_audits_due").Due);
        var preparation = ms.One("mv_pre_visit_milestones", step: "inspector_preparation");
        Assert.Equal(D(2017, 12, 11), preparation.Earliest);
        Assert.Equal(D(2017, 12, 12), preparation.Due);
        Assert.Equal(D(2017, 12, 29), ms.One("mv_report_timeline", step: "draft_to_la").Due);
        Assert.Equal(D(2018, 1, 5), ms.One("mv_report_timeline", step: "factual_accuracy_comments").Due);
        Assert.Equal(D(2018, 1, 15), ms.One("mv_report_timeline", step: "pre_publication_report").Due);
        var publication = ms.One("mv_report_timeline", step: "publication");
        Assert.Equal(D(2018, 1, 17), publication.Due);

        // The first monitoring visit's report is not published; later ones are.
        Assert.Equal(MilestoneStatus.NotApplicable, publication.Status);
        var second = Compute(Croydon with { MonitoringVisitsAgreed = [D(2017, 12, 13), D(2018, 3, 14)] });
        Assert.NotEqual(MilestoneStatus.NotApplicable, second.One("mv_report_timeline", 2, "publication").Status);
    }

    [Fact]
    public void The_first_monitoring_visit_is_met_by_the_first_visit_held()
    {
        var m = Compute(Croydon with { MonitoringVisitsHeld = [D(2017, 12, 13)] }, today: D(2017, 12, 20)).One("ofsted_first_monitoring_visit");
        Assert.Equal(MilestoneStatus.Met, m.Status);
        Assert.Equal(D(2017, 12, 13), m.Met);
    }

    [Fact]
    public void A_soft_warning_follows_when_no_next_monitoring_visit_is_agreed_within_three_months()
    {
        var facts = Croydon with { MonitoringVisitsHeld = [D(2017, 12, 13)] };
        var warning = Compute(facts, today: D(2018, 3, 20)).One("ofsted_monitoring_visit_cadence", step: "next_visit_agreed");
        Assert.Equal(D(2018, 3, 13), warning.Due);
        Assert.Equal(MilestoneStatus.Overdue, warning.Status);
        Assert.False(warning.Informational);

        var agreed = Compute(facts with { MonitoringVisitsAgreed = [D(2018, 3, 28)] }, today: D(2018, 3, 20));
        Assert.DoesNotContain(agreed, m => m.Step == "next_visit_agreed");
        Assert.Equal(D(2018, 3, 28), agreed.One("ofsted_monitoring_visit_cadence").Due);
    }

    [Fact]
    public void Requires_improvement_at_reinspection_starts_12_months_of_dfe_support_and_stops_the_reviews()
    {
        var facts = Croydon with
        {
            ActionPlanSubmitted = D(2017, 12, 11),
            Reinspection = new ReinspectionOutcome(D(2019, 6, 3), Judgement.RequiresImprovement),
        };
        var ms = Compute(facts, today: D(2019, 6, 10));
        Assert.Equal(D(2020, 6, 3), ms.One("post_inadequate_support_12m").Due);
        Assert.Equal(MilestoneStatus.Met, ms.One("ofsted_reinspection_due").Status);
        Assert.All(ms.All("dfe_progress_review"), r => Assert.True(r.Due < D(2019, 6, 3)));
    }

    [Fact]
    public void A_good_reinspection_ends_intervention()
    {
        var facts = Croydon with { Reinspection = new ReinspectionOutcome(D(2019, 6, 3), Judgement.Good) };
        var ms = Compute(facts, today: D(2019, 6, 10));
        Assert.DoesNotContain(ms, m => m.Rule == "post_inadequate_support_12m");
        Assert.All(ms.Where(m => m.Met is null && m.Due > D(2019, 6, 3) && m.Group != RuleGroup.LocalGovernance), m => Assert.Equal(MilestoneStatus.NotApplicable, m.Status));
    }

    [Fact]
    public void An_inadequate_reinspection_restarts_the_cycle_from_the_new_report()
    {
        // A new report received Wed 1 Jun 2022 gives the Jubilee vectors of §6g in cycle 2.
        var facts = Croydon with
        {
            ActionPlanSubmitted = D(2017, 12, 11),
            Reinspection = new ReinspectionOutcome(D(2022, 6, 1), Judgement.Inadequate),
        };
        var ms = Compute(facts, today: D(2022, 6, 2));
        Assert.Equal(MilestoneStatus.Met, ms.One("action_plan_submission", cycle: 1).Status);
        var plan = ms.One("action_plan_submission", cycle: 2);
        Assert.Equal(D(2022, 9, 12), plan.Due);
        Assert.Equal(MilestoneStatus.Upcoming, plan.Status);
        var apv = ms.One("ofsted_action_planning_visit_window", cycle: 2);
        Assert.Equal(D(2022, 7, 8), apv.Earliest);
        Assert.Equal(D(2022, 7, 22), apv.Due);
    }
}
