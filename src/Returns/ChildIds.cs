using System.Text.RegularExpressions;

namespace Scheduler.Returns;

/// <summary>
/// The council's child id, which becomes the case reference: 1–20 letters and digits (the CIN census's
/// <c>LAchildID</c>; the SSDA903 <c>CHILD</c> is held to the same shape so ids fit case references and event ids).
/// </summary>
internal static partial class ChildIds
{
    public const string Shape = "1–20 letters and digits";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
