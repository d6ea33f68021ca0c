using System.Collections.Frozen;

namespace Scheduler.Returns.Ssda903;

/// <summary>
/// The SSDA903 code lists the importer checks, by collection year. Taken from the Data to Insight validator
/// data-to-insight/csc-validator-be-903, version 0.1.14 (pyproject.toml; commit 10ad07c5, April 2026), where each
/// year's ruleset (lac_validator/rules/lacYYYY_YY) inherits the previous year's and overrides single rules:
/// <list type="bullet">
/// <item>RNE: rule_143, LS: rule_144, CIN: rule_145, REC: rule_149, REVIEW_CODE: rule_167, REASON_PLACE_CHANGE:
/// rule_1009, MISSING: rule_1006 (all lac2022_23, unchanged since); SW_REASON: lac2023_24/rule_SW13STG1 (the
/// file is new in 2023/24).</item>
/// <item>PLACE: rule_146 in lac2022_23 (used for 2022/23 and 2023/24), lac2024_25 (adds K3 for supported
/// accommodation; the validator spells it "k3", read here as K3) and lac2025_26 (drops H5, P2 and Z1, adds Z11–Z14;
/// also 2026/27, which does not override it).</item>
/// <item>PLACE_PROVIDER: rule_178 (PR0–PR5, every year).</item>
/// </list>
/// </summary>
public sealed class Ssda903CodeLists
{
    /// <summary>The first collection year with code lists here (2022/23).</summary>
    public const int FirstYear = 2023;

    /// <summary>The last collection year with code lists here (2026/27).</summary>
    public const int LastYear = 2027;

    private static readonly string[] Rne = ["S", "P", "L", "T", "U", "B"];
    private static readonly string[] LegalStatus = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"];
    private static readonly string[] CategoryOfNeed = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    private static readonly string[] ReasonCeased =
    [
        "E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9",
        "E14", "E15", "E16", "E17", "X1",
    ];

    private static readonly string[] Participation = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"];
    private static readonly string[] ReasonPlaceChange = ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"];
    private static readonly string[] Provider = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"];
    private static readonly string[] MissingType = ["M", "A"];
    private static readonly string[] SocialWorkerChange = ["MANAGE", "FCONTA", "LEFTRL", "ORGRST", "TSPROC", "ABSENC", "CHCHAN", "PCCHAN", "SWDIED", "OTHERS"];

    private static readonly string[] Place2022 =
    [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3",
        "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ];

    private static readonly string[] Place2024 = [.. Place2022, "K3"];

    private static readonly string[] Place2025 =
    [
        "A3", "A4", "A5", "A6", "K1", "K2", "K3", "P1", "P3", "R1", "R2", "R3", "R5", "S1", "T0", "T1", "T2", "T3", "T4",
        "U1", "U2", "U3", "U4", "U5", "U6", "Z11", "Z12", "Z13", "Z14",
    ];

    private readonly FrozenDictionary<string, FrozenSet<string>> _lists;

    private Ssda903CodeLists(CollectionYear year, string[] place)
    {
        Year = year;
        _lists = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal)
        {
            ["RNE"] = Rne.ToFrozenSet(StringComparer.Ordinal),
            ["LS"] = LegalStatus.ToFrozenSet(StringComparer.Ordinal),
            ["CIN"] = CategoryOfNeed.ToFrozenSet(StringComparer.Ordinal),
            ["PLACE"] = place.ToFrozenSet(StringComparer.Ordinal),
            ["PLACE_PROVIDER"] = Provider.ToFrozenSet(StringComparer.Ordinal),
            ["REC"] = ReasonCeased.ToFrozenSet(StringComparer.Ordinal),
            ["REASON_PLACE_CHANGE"] = ReasonPlaceChange.ToFrozenSet(StringComparer.Ordinal),
            ["REVIEW_CODE"] = Participation.ToFrozenSet(StringComparer.Ordinal),
            ["MISSING"] = MissingType.ToFrozenSet(StringComparer.Ordinal),
            ["SW_REASON"] = SocialWorkerChange.ToFrozenSet(StringComparer.Ordinal),
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public CollectionYear Year { get; }

    /// <summary>The lists for <paramref name="year"/>; null for a year outside <see cref="FirstYear"/>–<see cref="LastYear"/>.</summary>
    public static Ssda903CodeLists? For(CollectionYear year) => year.EndYear switch
    {
        < FirstYear or > LastYear => null,
        <= 2024 => new Ssda903CodeLists(year, Place2022),
        2025 => new Ssda903CodeLists(year, Place2024),
        _ => new Ssda903CodeLists(year, Place2025),
    };

    /// <summary>Whether <paramref name="code"/> is in the year's list for <paramref name="column"/> (codes are case-sensitive, as DfE's are).</summary>
    public bool Allows(string column, string code) => _lists[column].Contains(code);
}
