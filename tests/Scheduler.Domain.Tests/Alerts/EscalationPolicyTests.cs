using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Rules.Role;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>The default policy against the routing matrix, and authority overrides.</summary>
public sealed class EscalationPolicyTests
{
    // The routing matrix (§4 of the rules spec, with heads of service as the child-level escalation tier) and the
    // documented defaults, written out independently of the code.
    public static TheoryData<RuleGroup, Role[], Role[], int, int> Matrix => new()
    {
        { RuleGroup.OfstedPostInspection, [PO, DCS], [CEX, IBC], 10, 3 },
        { RuleGroup.MonitoringVisit, [PO, DCS], [CEX], 5, 3 },
        { RuleGroup.IlacsActionPlan, [PO, DCS], [CEX], 10, 3 },
        { RuleGroup.DfeIntervention, [DCS, PO], [CEX, IBC], 10, 3 },
        { RuleGroup.LocalGovernance, [PO], [IBC, DCS], 10, 3 },
        { RuleGroup.FrontDoor, [TM], [HOS], 5, 5 },
        { RuleGroup.ChildProtection, [CPC, TM], [HOS], 5, 5 },
        { RuleGroup.LookedAfterReview, [IRO, TM], [HOS], 5, 5 },
        { RuleGroup.StatutoryVisit, [TM], [IRO, HOS], 5, 5 },
        { RuleGroup.OtherChildLevel, [TM], [IRO, HOS], 5, 5 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Defaults_follow_the_routing_matrix(RuleGroup group, Role[] primary, Role[] escalation, int lead, int escalateAfter)
    {
        var policy = EscalationPolicy.Default.For(group);

        Assert.Equal(primary, policy.Primary);
        Assert.Equal(escalation, policy.Escalation);
        Assert.Equal(lead, policy.LeadWorkingDays);
        Assert.Equal(escalateAfter, policy.EscalateAfterWorkingDays);
        Assert.Equal(5, policy.RenotifyEveryWorkingDays);
        Assert.Equal(primary.Concat(escalation), policy.AudienceFor(AlertLevel.Escalated));
        Assert.Equal(primary, policy.AudienceFor(AlertLevel.Overdue));
    }

    [Fact]
    public void Override_json_merges_field_by_field()
    {
        const string json = """
            {"groups":{"ChildProtection":{"leadWorkingDays":3,"escalation":["HOS","DCS"]},
                       "OfstedPostInspection":{"renotifyEveryWorkingDays":2}}}
            """;
        var merged = EscalationPolicy.Default.With(EscalationPolicyJson.Parse(json));

        var cp = merged.For(RuleGroup.ChildProtection);
        Assert.Equal(3, cp.LeadWorkingDays);
        Assert.Equal(5, cp.EscalateAfterWorkingDays);
        Assert.Equal([CPC, TM], cp.Primary);
        Assert.Equal([HOS, DCS], cp.Escalation);
        Assert.Equal(2, merged.For(RuleGroup.OfstedPostInspection).RenotifyEveryWorkingDays);
        Assert.Equal(10, merged.For(RuleGroup.OfstedPostInspection).LeadWorkingDays);
        Assert.Same(EscalationPolicy.Default.For(RuleGroup.FrontDoor), merged.For(RuleGroup.FrontDoor));
    }

    [Fact]
    public void Override_json_round_trips()
    {
        const string json = """{"groups":{"FrontDoor":{"leadWorkingDays":1,"primary":["TM","HOS"]}}}""";

        Assert.Equal(json, EscalationPolicyJson.Serialize(EscalationPolicyJson.Parse(json)));
    }

    [Theory]
    [InlineData("""{"groups":{"Nope":{}}}""", "groups.Nope")]
    [InlineData("""{"groups":{"5":{}}}""", "groups.5")]
    [InlineData("""{"groups":{"FrontDoor":{"leadWorkingDays":-1}}}""", "groups.FrontDoor.leadWorkingDays")]
    [InlineData("""{"groups":{"FrontDoor":{"leadWorkingDays":"3"}}}""", "groups.FrontDoor.leadWorkingDays")]
    [InlineData("""{"groups":{"FrontDoor":{"escalateAfterWorkingDays":0}}}""", "groups.FrontDoor.escalateAfterWorkingDays")]
    [InlineData("""{"groups":{"FrontDoor":{"renotifyEveryWorkingDays":0}}}""", "groups.FrontDoor.renotifyEveryWorkingDays")]
    [InlineData("""{"groups":{"FrontDoor":{"primary":[]}}}""", "groups.FrontDoor.primary")]
    [InlineData("""{"groups":{"FrontDoor":{"primary":["TM","XYZ"]}}}""", "groups.FrontDoor.primary[1]")]
    [InlineData("""{"groups":{"FrontDoor":{"escalation":["SCR"]}}}""", "groups.FrontDoor.escalation")]
    [InlineData("""{"groups":{"FrontDoor":{"lead":1}}}""", "groups.FrontDoor.lead")]
    [InlineData("""{"policy":{}}""", "policy")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"groups":""", "$")]
    public void Invalid_overrides_name_the_field(string json, string field)
    {
        var ex = Assert.Throws<EscalationPolicyException>(() => EscalationPolicyJson.Parse(json));

        Assert.Equal(field, ex.Field);
    }
}
