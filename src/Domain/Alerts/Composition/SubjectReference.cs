using System.Text.RegularExpressions;

namespace Scheduler.Domain.Alerts.Composition;

/// <summary>
/// A guard on what may be shown as a subject: council case references and episode ids are short codes without
/// spaces or '@'. Anything else (say, a name typed into the reference field) is withheld from emails.
/// </summary>
public static partial class SubjectReference
{
    /// <summary>What an email shows instead of a reference that fails the guard.</summary>
    public const string Withheld = "(reference withheld)";

    /// <summary>Whether <paramref name="reference"/> looks like a case reference or episode id and may be shown.</summary>
    public static bool IsDisplayable(string reference) => Pattern().IsMatch(reference);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9/_.:-]{0,63}$")]
    private static partial Regex Pattern();
}
