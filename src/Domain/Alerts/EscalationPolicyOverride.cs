using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Alerts;

/// <summary>An authority's changes to the default escalation policy: only the groups and fields it sets change.</summary>
public sealed record EscalationPolicyOverride(IReadOnlyDictionary<RuleGroup, GroupPolicyOverride> Groups)
{
    /// <summary>No changes.</summary>
    public static EscalationPolicyOverride Empty { get; } = new(new Dictionary<RuleGroup, GroupPolicyOverride>());
}

/// <summary>Changes to one group's policy; null fields keep the default.</summary>
public sealed record GroupPolicyOverride(
    int? LeadWorkingDays = null,
    int? EscalateAfterWorkingDays = null,
    int? RenotifyEveryWorkingDays = null,
    IReadOnlyList<Role>? Primary = null,
    IReadOnlyList<Role>? Escalation = null);
