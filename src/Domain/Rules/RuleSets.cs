namespace Scheduler.Domain.Rules;

/// <summary>The frameworks an oversight episode can run under, each a set of rules.</summary>
public static class RuleSets
{
    /// <summary>The May 2017 handbook regime (single inspection framework): the default.</summary>
    public const string Sif2017Id = "sif-2017";

    /// <summary>The ILACS framework (from January 2018).</summary>
    public const string IlacsId = "ilacs";

    // DfE intervention, local governance and child-level rules apply whatever Ofsted's framework.
    private static readonly RuleDefinition[] Common = [.. DfeRules.All, .. LocalGovernanceRules.All, .. ChildLevelRules.All];

    /// <summary>The handbook's A rules plus the common rules.</summary>
    public static RuleSet Sif2017 { get; } = new(
        Sif2017Id,
        "Ofsted single inspection framework: monitoring and re-inspection of inadequate authorities (May 2017 handbook)",
        [.. OfstedRules.All, .. Common]);

    /// <summary>
    /// The ILACS rules plus the common rules. The statutory publication duty (A1) still applies; ILACS monitoring
    /// runs on agreed dates only, with no computed cadence.
    /// </summary>
    public static RuleSet Ilacs { get; } = new(
        IlacsId,
        "Ofsted inspecting local authority children's services (ILACS)",
        [OfstedRules.LaPublishInspectionReport, .. IlacsRules.All, .. Common]);

    /// <summary>Every rule set, the default first.</summary>
    public static IReadOnlyList<RuleSet> All { get; } = [Sif2017, Ilacs];

    /// <summary>The default framework id.</summary>
    public static string DefaultId => Sif2017Id;

    /// <summary>The rule set for a framework id (case-sensitive); throws <see cref="UnknownRuleSetException"/> for any other.</summary>
    public static RuleSet Get(string framework)
    {
        foreach (var set in All)
        {
            if (string.Equals(set.Id, framework, StringComparison.Ordinal))
            {
                return set;
            }
        }

        throw new UnknownRuleSetException(framework, All.Select(s => s.Id));
    }

    /// <summary>Whether a framework id names a rule set.</summary>
    public static bool Exists(string framework) => All.Any(s => string.Equals(s.Id, framework, StringComparison.Ordinal));

    /// <summary>A rule by id from any set, or null.</summary>
    public static RuleDefinition? FindRule(string ruleId)
    {
        foreach (var set in All)
        {
            if (set.Find(ruleId) is { } rule)
            {
                return rule;
            }
        }

        return null;
    }
}
