using System.Collections.Frozen;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Rules.Role;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// The escalation policy of one authority: a <see cref="GroupPolicy"/> for every <see cref="RuleGroup"/>.
/// <see cref="Default"/> follows the alert routing matrix; an authority changes it with an
/// <see cref="EscalationPolicyOverride"/> merged by <see cref="With"/>.
/// </summary>
public sealed class EscalationPolicy
{
    private readonly FrozenDictionary<RuleGroup, GroupPolicy> _groups;

    /// <summary>Builds a policy; every rule group must be present and valid.</summary>
    public EscalationPolicy(IReadOnlyDictionary<RuleGroup, GroupPolicy> groups)
    {
        foreach (var group in Enum.GetValues<RuleGroup>())
        {
            if (!groups.TryGetValue(group, out var policy))
            {
                throw new EscalationPolicyException($"groups.{group}", "is missing.");
            }

            policy.Validate($"groups.{group}");
        }

        _groups = groups.ToFrozenDictionary();
    }

    /// <summary>
    /// Defaults. Authority-level groups: 10 working days' lead (5 for monitoring-visit preparation, whose steps are
    /// days apart), escalation after 3 working days overdue. Child-level groups: 5 working days' lead, escalation
    /// after 5. Every group re-notifies every 5 working days while overdue. Audiences from the routing matrix.
    /// </summary>
    public static EscalationPolicy Default { get; } = new(new Dictionary<RuleGroup, GroupPolicy>
    {
        [RuleGroup.OfstedPostInspection] = new(10, 3, 5, [PO, DCS], [CEX, IBC]),
        [RuleGroup.MonitoringVisit] = new(5, 3, 5, [PO, DCS], [CEX]),
        [RuleGroup.IlacsActionPlan] = new(10, 3, 5, [PO, DCS], [CEX]),
        [RuleGroup.DfeIntervention] = new(10, 3, 5, [DCS, PO], [CEX, IBC]),
        [RuleGroup.LocalGovernance] = new(10, 3, 5, [PO], [IBC, DCS]),
        [RuleGroup.FrontDoor] = new(5, 5, 5, [TM], [HOS]),
        [RuleGroup.ChildProtection] = new(5, 5, 5, [CPC, TM], [HOS]),
        [RuleGroup.LookedAfterReview] = new(5, 5, 5, [IRO, TM], [HOS]),
        [RuleGroup.StatutoryVisit] = new(5, 5, 5, [TM], [IRO, HOS]),
        [RuleGroup.OtherChildLevel] = new(5, 5, 5, [TM], [IRO, HOS]),
    });

    /// <summary>The group policies, by rule group.</summary>
    public IReadOnlyDictionary<RuleGroup, GroupPolicy> Groups => _groups;

    /// <summary>The policy for one rule group.</summary>
    public GroupPolicy For(RuleGroup group) => _groups[group];

    /// <summary>This policy with an authority's override applied field by field (absent fields keep this policy's values).</summary>
    public EscalationPolicy With(EscalationPolicyOverride? overrides)
    {
        if (overrides is null || overrides.Groups.Count == 0)
        {
            return this;
        }

        var merged = new Dictionary<RuleGroup, GroupPolicy>(_groups);
        foreach (var (group, o) in overrides.Groups)
        {
            var current = merged[group];
            merged[group] = new GroupPolicy(
                o.LeadWorkingDays ?? current.LeadWorkingDays,
                o.EscalateAfterWorkingDays ?? current.EscalateAfterWorkingDays,
                o.RenotifyEveryWorkingDays ?? current.RenotifyEveryWorkingDays,
                o.Primary ?? current.Primary,
                o.Escalation ?? current.Escalation);
        }

        return new EscalationPolicy(merged);
    }
}
