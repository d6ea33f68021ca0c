using System.Text.RegularExpressions;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Tests.Rules;

public sealed class RuleCatalogueTests
{
    // The computable ids of the rules catalogue, written out here rather than read from the code under test.
    private static readonly string[] SifOnly =
    [
        "ofsted_action_planning_visit_window", "ofsted_apv_agenda_circulated", "action_plan_submission",
        "ofsted_first_monitoring_visit", "ofsted_monitoring_visit_cadence", "mv_pre_visit_milestones", "mv_report_timeline",
        "ofsted_reinspection_due", "reinspection_notice_and_planning",
    ];

    private static readonly string[] IlacsOnly =
    [
        "ilacs_action_plan_70wd", "ilacs_draft_plan_after_focused_visit_20wd", "ilacs_routine_inspection_window", "ilacs_annual_engagement",
    ];

    private static readonly string[] Both =
    [
        "la_publish_inspection_report",
        "dfe_improvement_plan_3m", "dfe_improvement_notice_3m", "dfe_progress_review", "commissioner_report",
        "next_ofsted_inspection_expected", "trust_within_12m", "post_inadequate_support_12m",
        "improvement_board_monthly", "transitional_action_plan_period", "improvement_plan_horizon", "interim_arrangement_expiry",
        "referral_decision_1wd", "assessment_45wd", "icpc_15wd", "core_group_first", "cp_review_first_3m", "cp_review_subsequent_6m",
        "cp_plan_visits", "lac_review_first_20wd", "lac_review_second_3m", "lac_review_subsequent_6m", "lac_visit_first",
        "lac_visit_first_year", "lac_visit_after_first_year", "lac_visit_long_term_foster_6m", "lac_visit_special_cases",
        "lac_health_assessment", "iro_appointment", "pathway_needs_assessment", "private_fostering_visits",
        "adopter_assessment_6m", "cdop_review_within_year",
    ];

    public static TheoryData<string> SifIds => [.. SifOnly, .. Both];

    public static TheoryData<string> IlacsIds => [.. IlacsOnly, .. Both];

    [Theory]
    [MemberData(nameof(SifIds))]
    public void Every_computable_rule_of_the_sif_regime_exists_and_computes(string id)
    {
        var rule = RuleSets.Get("sif-2017").Find(id);
        Assert.NotNull(rule);
        Assert.True(rule.Computable, $"{id} should compute a date");
    }

    [Theory]
    [MemberData(nameof(IlacsIds))]
    public void Every_computable_rule_of_the_ilacs_regime_exists_and_computes(string id)
    {
        var rule = RuleSets.Get("ilacs").Find(id);
        Assert.NotNull(rule);
        Assert.True(rule.Computable, $"{id} should compute a date");
    }

    [Fact]
    public void The_sif_handbook_rules_are_not_in_the_ilacs_set_and_vice_versa()
    {
        foreach (var id in SifOnly)
        {
            Assert.False(RuleSets.Ilacs.Contains(id), id);
        }

        foreach (var id in IlacsOnly)
        {
            Assert.False(RuleSets.Sif2017.Contains(id), id);
        }
    }

    [Theory]
    [InlineData("ofsted_action_plan_response")]
    [InlineData("reinspection_restart_if_inadequate")]
    [InlineData("scrutiny_standing_item")]
    [InlineData("cabinet_progress_reports")]
    [InlineData("cease_looking_after_approval")]
    [InlineData("lado_tracking")]
    public void Open_items_and_flags_are_present_but_compute_no_date(string id)
    {
        var rule = RuleSets.FindRule(id);
        Assert.NotNull(rule);
        Assert.False(rule.Computable);
    }

    [Fact]
    public void Ilacs_monitoring_runs_on_agreed_dates_only()
    {
        var rule = RuleSets.Ilacs["ilacs_monitoring_of_inadequate"];
        Assert.False(rule.Computable);
        Assert.Equal(RuleStrength.Unverified, rule.Strength);
    }

    [Fact]
    public void The_default_framework_is_the_2017_handbook()
    {
        Assert.Equal("sif-2017", RuleSets.DefaultId);
        Assert.Equal(["sif-2017", "ilacs"], RuleSets.All.Select(s => s.Id));
    }

    [Fact]
    public void An_unknown_framework_is_a_clear_error()
    {
        var ex = Assert.Throws<UnknownRuleSetException>(() => RuleSets.Get("sif-2013"));
        Assert.Contains("sif-2013", ex.Message);
        Assert.Contains("ilacs", ex.Message);
        Assert.Equal("sif-2013", ex.Framework);
    }

    [Theory]
    [InlineData("action_plan_submission", 70, OffsetUnit.WorkingDays, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Stat)]
    [InlineData("la_publish_inspection_report", 30, OffsetUnit.WorkingDays, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Stat)]
    [InlineData("ofsted_action_planning_visit_window", 35, OffsetUnit.WorkingDays, BoundKind.Window, RepeatMode.Once, RuleStrength.Ofsted)]
    [InlineData("dfe_progress_review", 6, OffsetUnit.Months, BoundKind.Cadence, RepeatMode.FixedCadence, RuleStrength.DfePolicy)]
    [InlineData("interim_arrangement_expiry", 6, OffsetUnit.Months, BoundKind.Expiry, RepeatMode.Once, RuleStrength.Local)]
    [InlineData("post_inadequate_support_12m", 12, OffsetUnit.Months, BoundKind.Period, RepeatMode.Once, RuleStrength.DfePolicy)]
    [InlineData("icpc_15wd", 15, OffsetUnit.WorkingDays, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Guid)]
    [InlineData("cp_review_subsequent_6m", 6, OffsetUnit.Months, BoundKind.Deadline, RepeatMode.FromPreviousActual, RuleStrength.Guid)]
    [InlineData("lac_review_first_20wd", 20, OffsetUnit.WorkingDays, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Stat2)]
    [InlineData("lac_visit_first", 1, OffsetUnit.Weeks, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Stat)]
    [InlineData("lac_visit_first_year", 6, OffsetUnit.Weeks, BoundKind.Deadline, RepeatMode.FromPreviousActual, RuleStrength.Stat)]
    [InlineData("pathway_needs_assessment", 3, OffsetUnit.Months, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Stat)]
    [InlineData("cp_plan_visits", 10, OffsetUnit.WorkingDays, BoundKind.Deadline, RepeatMode.FromPreviousActual, RuleStrength.Local)]
    [InlineData("cdop_review_within_year", 1, OffsetUnit.Years, BoundKind.Deadline, RepeatMode.Once, RuleStrength.Unverified)]
    public void Rules_carry_the_catalogue_offset_bound_repeat_and_strength(
        string id, int amount, OffsetUnit unit, BoundKind bound, RepeatMode repeat, RuleStrength strength)
    {
        var rule = RuleSets.FindRule(id)!;
        Assert.Equal(new RuleOffset(amount, unit), rule.Offset);
        Assert.Equal(bound, rule.Bound);
        Assert.Equal(repeat, rule.Repeat);
        Assert.Equal(strength, rule.Strength);
    }

    [Fact]
    public void The_action_planning_visit_window_opens_at_25_working_days()
    {
        Assert.Equal(RuleOffset.WorkingDays(25), RuleSets.Sif2017["ofsted_action_planning_visit_window"].WindowStart);
    }

    [Theory]
    [InlineData("action_plan_submission", RuleGroup.OfstedPostInspection, new[] { Role.PO, Role.DCS })]
    [InlineData("mv_report_timeline", RuleGroup.MonitoringVisit, new[] { Role.DCS, Role.PO })]
    [InlineData("ilacs_action_plan_70wd", RuleGroup.IlacsActionPlan, new[] { Role.PO, Role.DCS })]
    [InlineData("dfe_progress_review", RuleGroup.DfeIntervention, new[] { Role.DCS, Role.PO })]
    [InlineData("improvement_board_monthly", RuleGroup.LocalGovernance, new[] { Role.PO })]
    [InlineData("assessment_45wd", RuleGroup.FrontDoor, new[] { Role.TM })]
    [InlineData("icpc_15wd", RuleGroup.ChildProtection, new[] { Role.CPC, Role.TM })]
    [InlineData("lac_review_second_3m", RuleGroup.LookedAfterReview, new[] { Role.IRO, Role.TM })]
    [InlineData("lac_visit_after_first_year", RuleGroup.StatutoryVisit, new[] { Role.TM })]
    [InlineData("lac_health_assessment", RuleGroup.OtherChildLevel, new[] { Role.TM })]
    public void Rules_route_to_the_primary_roles_of_the_routing_matrix(string id, RuleGroup group, Role[] audience)
    {
        var rule = RuleSets.FindRule(id)!;
        Assert.Equal(group, rule.Group);
        Assert.Equal(audience, rule.Audience);
    }

    [Fact]
    public void Every_rule_cites_a_public_source_and_never_a_line_number()
    {
        var lineRef = new Regex(@"\bS\d:L\d|\bL\d{2,}\b");
        foreach (var rule in RuleSets.All.SelectMany(s => s.Rules))
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source), rule.Id);
            Assert.False(lineRef.IsMatch(rule.Source), $"{rule.Id}: {rule.Source}");
            Assert.False(rule.Ambiguity is not null && lineRef.IsMatch(rule.Ambiguity), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.NotEmpty(rule.Audience);
        }
    }

    [Theory]
    [InlineData("action_plan_submission", "reg 3")]
    [InlineData("la_publish_inspection_report", "reg 2")]
    [InlineData("ofsted_first_monitoring_visit", "paras 8 and 23")]
    [InlineData("ofsted_apv_agenda_circulated", "para 14")]
    [InlineData("ofsted_reinspection_due", "paras 49 and 50")]
    [InlineData("dfe_improvement_plan_3m", "Putting children first (July 2016), para 121")]
    [InlineData("post_inadequate_support_12m", "para 128")]
    [InlineData("lac_visit_first", "SI 2010/959")]
    [InlineData("lac_visit_first", "reg 28(2)(a)")]
    [InlineData("pathway_needs_assessment", "reg 42(1)")]
    [InlineData("private_fostering_visits", "SI 2005/1533")]
    public void Sources_name_the_document_and_paragraph_or_regulation(string id, string expected)
    {
        Assert.Contains(expected, RuleSets.FindRule(id)!.Source);
    }

    [Theory]
    [InlineData(RuleStrength.Stat, "STAT")]
    [InlineData(RuleStrength.Stat2, "STAT-2")]
    [InlineData(RuleStrength.DfePolicy, "DFE-POL")]
    [InlineData(RuleStrength.Unverified, "UNVERIFIED")]
    public void Strength_labels_print_as_the_catalogue_writes_them(RuleStrength strength, string label)
    {
        Assert.Equal(label, strength.Label());
    }
}
