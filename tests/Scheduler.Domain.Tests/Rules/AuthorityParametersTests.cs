using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Domain.Tests.Rules;

public sealed class AuthorityParametersTests
{
    [Fact]
    public void Defaults_are_the_catalogue_values()
    {
        var p = AuthorityParameters.Default;
        Assert.Equal(10, p.CpVisitIntervalWorkingDays);
        Assert.Equal(10, p.CoreGroupFirstWorkingDays);
        Assert.Equal(6, p.CoreGroupIntervalWeeks);
        Assert.Null(p.StrategyDiscussionLimitWorkingDays);
        Assert.Equal(5, p.IroAppointmentWorkingDays);
        Assert.Equal(1, p.ImprovementBoardIntervalMonths);
        Assert.Equal(6, p.InterimArrangementMonths);
        Assert.Equal(DfeReviewAnchor.FixedCadence, p.DfeReviewAnchor);
        Assert.Equal(IcpcTrigger.StrategyDiscussion, p.IcpcTrigger);
        Assert.Equal(3, p.MonitoringVisitSoftWarningMonths);
        Assert.Equal(6, p.ReinspectionPlanningAlertMonths);
        Assert.Equal(2, p.HorizonYears);
        Assert.Empty(p.Validate());
    }

    [Fact]
    public void Local_rules_can_be_overridden_and_run_on_the_local_calendar()
    {
        var p = AuthorityParameters.Default with
        {
            LocalPracticeRules = new HashSet<string> { "cp_plan_visits", "core_group_first" },
            OffsetOverrides = new Dictionary<string, RuleOffset> { ["core_group_first"] = RuleOffset.Weeks(4) },
        };
        Assert.Empty(p.Validate());
        Assert.True(p.UsesLocalCalendar("cp_plan_visits"));
        Assert.False(p.UsesLocalCalendar("icpc_15wd"));
    }

    [Theory]
    [InlineData("lac_visit_first")]
    [InlineData("icpc_15wd")]
    [InlineData("action_plan_submission")]
    public void Statutory_guidance_and_ofsted_rules_cannot_be_overridden(string id)
    {
        var p = AuthorityParameters.Default with
        {
            OffsetOverrides = new Dictionary<string, RuleOffset> { [id] = RuleOffset.WorkingDays(3) },
        };
        var error = Assert.Single(p.Validate());
        Assert.Equal($"OffsetOverrides[{id}]", error.Field);
        Assert.Contains("only LOCAL or UNVERIFIED", error.Reason);
    }

    [Fact]
    public void A_statutory_rule_cannot_be_marked_as_local_practice()
    {
        var p = AuthorityParameters.Default with { LocalPracticeRules = new HashSet<string> { "lac_review_first_20wd" } };
        var ex = Assert.Throws<DomainValidationException>(() => p.EnsureValid());
        Assert.Equal("LocalPracticeRules[lac_review_first_20wd]", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void Unknown_rule_ids_and_nonsense_values_are_named()
    {
        var p = AuthorityParameters.Default with
        {
            CpVisitIntervalWorkingDays = 0,
            HorizonYears = 50,
            OffsetOverrides = new Dictionary<string, RuleOffset> { ["no_such_rule"] = RuleOffset.Weeks(1) },
        };
        var fields = p.Validate().Select(e => e.Field).ToList();
        Assert.Contains("CpVisitIntervalWorkingDays", fields);
        Assert.Contains("HorizonYears", fields);
        Assert.Contains("OffsetOverrides[no_such_rule]", fields);
    }
}
