using System.Collections.Frozen;

namespace Scheduler.Returns.Ssda903;

/// <summary>The SSDA903 CSV files, each known by its header row (column lists from the validator's lac_validator/config.py).</summary>
public enum Ssda903FileKind
{
    /// <summary>CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB: only CHILD is not personal, and nothing in it is imported.</summary>
    Header,

    /// <summary>Episodes of care: periods of care, placements, the end of care.</summary>
    Episodes,

    /// <summary>Looked-after reviews held.</summary>
    Reviews,

    /// <summary>Missing or away from placement: no rule uses it.</summary>
    Missing,

    /// <summary>Social worker episodes: no rule uses it.</summary>
    SocialWorkerEpisodes,

    /// <summary>Another 903 file (UASC, OC2, OC3, AD1, placed for adoption, previous permanence, deprivation of liberty): not imported.</summary>
    NotImported,
}

/// <summary>The header rows, and which columns hold personal data (dropped on read, never stored, logged or echoed).</summary>
public static class Ssda903Files
{
    /// <summary>Columns that identify a child or where they live; the importer never reads their values.</summary>
    public static FrozenSet<string> PersonalColumns { get; } =
        new[] { "DOB", "MC_DOB", "SEX", "ETHNIC", "UPN", "MOTHER", "HOME_POST", "PL_POST", "URN" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly (Ssda903FileKind Kind, string Name, string[] Columns)[] Known =
    [
        (Ssda903FileKind.Header, "Header", ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]),
        (Ssda903FileKind.Episodes, "Episodes", ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]),
        (Ssda903FileKind.Reviews, "Reviews", ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"]),
        (Ssda903FileKind.Missing, "Missing", ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"]),
        (Ssda903FileKind.SocialWorkerEpisodes, "SW episodes", ["CHILD", "DOB", "SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"]),
        (Ssda903FileKind.NotImported, "UASC", ["CHILD", "SEX", "DOB", "DUC"]),
        (Ssda903FileKind.NotImported, "OC2", ["CHILD", "DOB", "SDQ_SCORE", "SDQ_REASON", "CONVICTED", "HEALTH_CHECK", "IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"]),
        (Ssda903FileKind.NotImported, "OC3", ["CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"]),
        (Ssda903FileKind.NotImported, "AD1", ["CHILD", "DOB", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"]),
        (Ssda903FileKind.NotImported, "Placed for adoption", ["CHILD", "DOB", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"]),
        (Ssda903FileKind.NotImported, "Previous permanence", ["CHILD", "DOB", "PREV_PERM", "LA_PERM", "DATE_PERM"]),
        (Ssda903FileKind.NotImported, "Deprivation of liberty", ["CHILD", "DOB", "DOLO_START", "DOLO_END"]),
    ];

    /// <summary>
    /// The file a header row belongs to: the same column names (any order, any case, surrounding spaces ignored), or
    /// null. A header that matches none is never repeated back: it may be a first row of data.
    /// </summary>
    public static (Ssda903FileKind Kind, string Name, IReadOnlyList<string> Columns)? Recognise(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToUpperInvariant()).ToArray();
        foreach (var (kind, name, columns) in Known)
        {
            if (names.Length == columns.Length && names.ToHashSet(StringComparer.Ordinal).SetEquals(columns))
            {
                return (kind, name, names);
            }
        }

        return null;
    }
}
