namespace Scheduler.Domain.Rules;

/// <summary>How authoritative a rule's source is (the spec's strength labels).</summary>
public enum RuleStrength
{
    /// <summary>STAT: a statutory instrument or Act whose text was read.</summary>
    Stat,

    /// <summary>STAT-2: statutory, known only as restated by secondary sources.</summary>
    Stat2,

    /// <summary>GUID: statutory guidance (Working Together, the IRO handbook).</summary>
    Guid,

    /// <summary>OFSTED: Ofsted's published inspection policy.</summary>
    Ofsted,

    /// <summary>DFE-POL: DfE intervention policy.</summary>
    DfePolicy,

    /// <summary>LOCAL: an authority's own governance or practice standard.</summary>
    Local,

    /// <summary>UNVERIFIED: stated by a third party only; never a hard rule.</summary>
    Unverified,
}

/// <summary>The printed labels of <see cref="RuleStrength"/>.</summary>
public static class RuleStrengthLabels
{
    /// <summary>The label as the rules catalogue prints it, for example "STAT-2" or "DFE-POL".</summary>
    public static string Label(this RuleStrength strength) => strength switch
    {
        RuleStrength.Stat => "STAT",
        RuleStrength.Stat2 => "STAT-2",
        RuleStrength.Guid => "GUID",
        RuleStrength.Ofsted => "OFSTED",
        RuleStrength.DfePolicy => "DFE-POL",
        RuleStrength.Local => "LOCAL",
        RuleStrength.Unverified => "UNVERIFIED",
        _ => strength.ToString(),
    };

    /// <summary>
    /// Whether an authority may change the rule: only its own practice (LOCAL) or unverified numbers are
    /// parameters; statutory, guidance, Ofsted and DfE rules are fixed.
    /// </summary>
    public static bool IsParameter(this RuleStrength strength) => strength is RuleStrength.Local or RuleStrength.Unverified;
}
