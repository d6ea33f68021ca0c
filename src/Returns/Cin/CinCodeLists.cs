using System.Collections.Frozen;

namespace Scheduler.Returns.Cin;

/// <summary>
/// The CIN census code lists the importer checks. Taken from the Data to Insight validator
/// data-to-insight/csc-validator-be-cin, version 0.1.9 (pyproject.toml; commit 1bf6f22e, May 2026): rules in
/// cin_validator/rules/cin2022_23 that no later ruleset (cin2023_24, cin2024_25, cin2025_26) overrides, so one list
/// serves every supported year. ReferralSource: rule_8866; PrimaryNeedCode: rule_8650; ReasonForClosure: rule_8640;
/// ReferralNFA: rule_8568; ICPCnotRequired: the values rules 8839 and 8868 read ("true"/"1", "false"/"0");
/// InitialCategoryOfAbuse and LatestCategoryOfAbuse: rules 8905 and 8910.
/// </summary>
public static class CinCodeLists
{
    /// <summary>The first collection year supported (2022/23).</summary>
    public const int FirstYear = 2023;

    /// <summary>The last collection year supported (2025/26, the validator's latest ruleset).</summary>
    public const int LastYear = 2026;

    private static readonly FrozenDictionary<string, FrozenSet<string>> Lists = new Dictionary<string, string[]>
    {
        ["ReferralSource"] = ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"],
        ["PrimaryNeedCode"] = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"],
        ["ReasonForClosure"] = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9"],
        ["ReferralNFA"] = ["1", "0", "true", "false"],
        ["ICPCnotRequired"] = ["1", "0", "true", "false"],
        ["InitialCategoryOfAbuse"] = ["NEG", "PHY", "SAB", "EMO", "MUL"],
        ["LatestCategoryOfAbuse"] = ["NEG", "PHY", "SAB", "EMO", "MUL"],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Whether the year has lists here.</summary>
    public static bool Supports(CollectionYear year) => year.EndYear is >= FirstYear and <= LastYear;

    /// <summary>Whether <paramref name="code"/> is valid for <paramref name="element"/>.</summary>
    public static bool Allows(string element, string code) => Lists[element].Contains(code);

    /// <summary>Whether the element is one whose code is checked.</summary>
    public static bool IsCoded(string element) => Lists.ContainsKey(element);
}
