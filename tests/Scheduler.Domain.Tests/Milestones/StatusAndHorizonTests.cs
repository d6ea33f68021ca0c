using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Milestones;

public sealed class StatusAndHorizonTests
{
    private static readonly OversightFacts Croydon = new() { ReportReceived = D(2017, 9, 4), ReportPublished = D(2017, 9, 4) };

    private static Milestone ActionPlan(NodaTime.LocalDate today, NodaTime.LocalDate? submitted = null) =>
        OversightCalendar.Compute(Croydon with { ActionPlanSubmitted = submitted }, AuthorityParameters.Default, Statutory, Statutory, today)
            .One("action_plan_submission");

    [Fact]
    public void Status_is_upcoming_due_or_overdue_against_the_effective_date()
    {
        Assert.Equal(MilestoneStatus.Upcoming, ActionPlan(D(2017, 12, 8)).Status);
        Assert.Equal(MilestoneStatus.Due, ActionPlan(D(2017, 12, 11)).Status);
        Assert.Equal(MilestoneStatus.Overdue, ActionPlan(D(2017, 12, 12)).Status);
    }

    [Fact]
    public void Status_is_met_on_or_before_the_due_date_and_met_late_after_it()
    {
        Assert.Equal(MilestoneStatus.Met, ActionPlan(D(2018, 1, 5), D(2017, 12, 11)).Status);
        Assert.Equal(MilestoneStatus.Met, ActionPlan(D(2017, 12, 5), D(2017, 12, 1)).Status);
        var late = ActionPlan(D(2018, 1, 5), D(2017, 12, 13));
        Assert.Equal(MilestoneStatus.MetLate, late.Status);
        Assert.Equal(D(2017, 12, 13), late.Met);
    }

    [Fact]
    public void A_calendar_deadline_on_a_holiday_falls_due_on_the_working_day_before()
    {
        // CP review nominally Mon 25 Dec 2017, effective Fri 22 Dec 2017.
        var facts = new ChildCaseFacts { CaseReference = "CP-7", Type = CaseType.ChildProtection, StrategyDiscussion = D(2017, 9, 4), Icpc = D(2017, 9, 25) };
        MilestoneStatus StatusOn(NodaTime.LocalDate today) =>
            ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today).One("cp_review_first_3m").Status;

        Assert.Equal(MilestoneStatus.Upcoming, StatusOn(D(2017, 12, 21)));
        Assert.Equal(MilestoneStatus.Due, StatusOn(D(2017, 12, 22)));
        Assert.Equal(MilestoneStatus.Overdue, StatusOn(D(2017, 12, 23)));
    }

    [Fact]
    public void Fixed_cadences_stop_at_the_horizon()
    {
        // From 4 Sep 2017 with today 4 Sep 2019: two years → 4 Sep 2021 (8 reviews); one year → 4 Sep 2020 (6).
        MilestoneStatus[] Count(int years) => OversightCalendar.Compute(
                Croydon, AuthorityParameters.Default with { HorizonYears = years }, Statutory, Statutory, D(2019, 9, 4))
            .All("dfe_progress_review").Select(m => m.Status).ToArray();
        Assert.Equal(8, Count(2).Length);
        Assert.Equal(6, Count(1).Length);
    }

    [Fact]
    public void No_unmet_occurrence_lies_beyond_the_horizon()
    {
        var today = D(2018, 1, 1);
        var horizon = today.PlusYears(2);
        var facts = Croydon with
        {
            MonitoringVisitsHeld = [D(2017, 12, 13)],
            ImprovementBoardMeetings = [D(2017, 9, 5), D(2017, 10, 3)],
            MonitoringVisitsAgreed = [D(2021, 3, 1)],
        };
        var ms = OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today);
        Assert.DoesNotContain(ms, m => m.Met is null && m.Due > horizon && m.Rule is "dfe_progress_review" or "improvement_board_monthly" or "mv_pre_visit_milestones" or "mv_report_timeline");
    }

    [Fact]
    public void Repeating_child_rules_yield_at_most_one_open_occurrence()
    {
        var facts = new ChildCaseFacts
        {
            CaseReference = "CP-8",
            Type = CaseType.ChildProtection,
            StrategyDiscussion = D(2017, 9, 4),
            Icpc = D(2017, 9, 25),
            CpVisitsMade = [D(2017, 10, 2), D(2017, 10, 13)],
        };
        var visits = ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2019, 1, 1)).All("cp_plan_visits");
        Assert.Equal(3, visits.Count);
        Assert.Single(visits, v => v.Met is null);
        Assert.Equal(D(2017, 10, 27), visits[2].Due);
        Assert.Equal(MilestoneStatus.Overdue, visits[2].Status);
    }

    [Fact]
    public void Improvement_board_meetings_repeat_monthly_from_the_last_one()
    {
        var facts = Croydon with { ImprovementBoardMeetings = [D(2017, 9, 5), D(2017, 10, 3)] };
        var boards = OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2017, 10, 10)).All("improvement_board_monthly");
        Assert.Equal(3, boards.Count);
        Assert.Equal(D(2017, 11, 3), boards[2].Due);
    }

    [Fact]
    public void Milestone_keys_are_unique_within_an_episode()
    {
        var facts = Croydon with
        {
            MonitoringVisitsHeld = [D(2017, 12, 13), D(2018, 3, 14)],
            MonitoringVisitsAgreed = [D(2018, 6, 13)],
            CommissionerAppointed = D(2017, 9, 4),
            InterimArrangementStarts = [D(2017, 10, 2), D(2017, 10, 16)],
            ReinspectionFieldworkStart = D(2019, 5, 13),
        };
        var ms = OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2018, 4, 1));
        Assert.Equal(ms.Count, ms.Select(m => m.Key).Distinct().Count());
    }

    [Fact]
    public void Reinspection_notice_is_the_Thursday_before_Monday_fieldwork()
    {
        var ms = OversightCalendar.Compute(Croydon with { ReinspectionFieldworkStart = D(2019, 5, 13) }, AuthorityParameters.Default, Statutory, Statutory, D(2019, 5, 1));
        Assert.Equal(D(2019, 5, 9), ms.One("reinspection_notice_and_planning", step: "notice_to_dcs").Due);
        Assert.Equal(D(2019, 4, 22), ms.One("reinspection_notice_and_planning", step: "lead_inspector_planning").Earliest);
    }

    [Fact]
    public void Ilacs_episodes_use_the_focused_visit_letter_and_compute_no_monitoring_cadence()
    {
        var facts = new OversightFacts
        {
            ReportReceived = D(2017, 12, 1),
            Framework = "ilacs",
            FocusedVisitLetterReceived = D(2017, 12, 1),
            MonitoringVisitsHeld = [D(2018, 6, 5)],
        };
        var ms = OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2018, 7, 1));
        Assert.Equal(D(2018, 3, 14), ms.One("ilacs_action_plan_70wd").Due);
        Assert.Equal(D(2018, 1, 3), ms.One("ilacs_draft_plan_after_focused_visit_20wd").Due);
        Assert.DoesNotContain(ms, m => m.Rule is "ofsted_first_monitoring_visit" or "ofsted_monitoring_visit_cadence" or "action_plan_submission" or "ofsted_action_planning_visit_window");
        Assert.Equal(MilestoneStatus.Met, ms.One("ilacs_monitoring_of_inadequate").Status);
        Assert.Equal(D(2018, 12, 1), ms.One("ilacs_annual_engagement").Due);
    }
}
