using Scheduler.Domain.Children;

namespace Scheduler.Returns.Ssda903;

/// <summary>
/// The statutory-visit placement kind for an episode, from its placement type (PLACE) and legal status (LS). The 903
/// says less than the visit rules need, so the mapping only claims what the codes say (docs/import.md has the table):
/// <list type="bullet">
/// <item>LS V3 or V4 (accommodated for short breaks): short breaks, whatever the placement.</item>
/// <item>PLACE U1, U4 (foster placement, long-term fostering): long-term foster; the child's agreement to fewer visits is not in the return.</item>
/// <item>PLACE P1 (placed with parents or others with parental responsibility) with LS C1 (interim care order): interim care order at home;
/// with LS C2 (full care order): care order at home. Whether a placement with a parent is under reg 19 is not in the return.</item>
/// <item>Everything else, including connected-person foster placements (whether an approval is temporary, reg 24, is not in the return)
/// and placements for adoption: standard.</item>
/// </list>
/// Nothing maps to "intended until 18": the return does not record the plan for the placement's length.
/// </summary>
public static class PlacementKinds
{
    /// <summary>The placement kind for an episode's PLACE and LS codes.</summary>
    public static PlacementKind For(string place, string legalStatus) => (place, legalStatus) switch
    {
        (_, "V3" or "V4") => PlacementKind.ShortBreaks,
        ("U1" or "U4", _) => PlacementKind.LongTermFoster,
        ("P1", "C1") => PlacementKind.InterimCareOrderWithParent,
        ("P1", "C2") => PlacementKind.CareOrderWithParent,
        _ => PlacementKind.Standard,
    };
}
