using System.Text.RegularExpressions;

namespace Scheduler.Application.Input;

/// <summary>
/// The shapes of the identifiers that become Table Storage keys. Validating them at the edge means keys never need
/// escaping: none of them may contain '|', '/', '\', '#', '?' or control characters.
/// </summary>
public static partial class KeyParts
{
    /// <summary>Authority codes: lower-case letters, digits and hyphens, 2–40 characters, for example <c>croydon</c>.</summary>
    public static bool IsAuthorityCode(string? value) => value is not null && AuthorityCodePattern().IsMatch(value);

    /// <summary>Council case references and episode ids: letters, digits, '.', '_' and '-', 1–64 characters, starting with a letter or digit.</summary>
    public static bool IsSubjectId(string? value) => value is not null && SubjectIdPattern().IsMatch(value);

    /// <summary>Rule ids: lower-case snake_case.</summary>
    public static bool IsRuleId(string? value) => value is not null && RuleIdPattern().IsMatch(value);

    /// <summary>Event ids supplied by producers: letters, digits, '.', '_', ':' and '-', 1–128 characters.</summary>
    public static bool IsEventId(string? value) => value is not null && EventIdPattern().IsMatch(value);

    /// <summary>The shape of an API key's public id (<c>k-</c> and up to 40 lower-case letters, digits or '-'), as a regular expression.</summary>
    public const string KeyIdRegex = "^k-[a-z0-9-]{1,40}$";

    /// <summary>API key ids, as the key list shows them: <see cref="KeyIdRegex"/>.</summary>
    public static bool IsKeyId(string? value) => value is not null && KeyIdPattern().IsMatch(value);

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is an authority code.</summary>
    public static string RequireAuthority(string value) =>
        IsAuthorityCode(value) ? value : throw new ArgumentException($"'{value}' is not an authority code.", nameof(value));

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="value"/> is a subject id.</summary>
    public static string RequireSubjectId(string value) =>
        IsSubjectId(value) ? value : throw new ArgumentException($"'{value}' is not a valid case reference or episode id.", nameof(value));

    /// <summary>The longest route value considered at all; anything longer is refused before its pattern is tried.</summary>
    public const int MaxRouteValueLength = 1_024;

    /// <summary>
    /// What is wrong with a route value or an id from a body, or null when it is usable as a key of the kind
    /// <paramref name="isValid"/> accepts: missing, longer than <see cref="MaxRouteValueLength"/>, holding control
    /// characters or half a surrogate pair, or '/', '\', '#', '?' (which no Table Storage key may hold), or not
    /// matching <paramref name="pattern"/> (its description). Never repeats the value.
    /// </summary>
    public static string? Problem(string? value, Func<string, bool> isValid, string pattern)
    {
        ArgumentNullException.ThrowIfNull(isValid);
        if (string.IsNullOrEmpty(value))
        {
            return "is required";
        }

        if (TextRules.Problem(value, MaxRouteValueLength) is { } text)
        {
            return text;
        }

        if (value.AsSpan().IndexOfAny(@"/\#?") >= 0)
        {
            return "contains '/', '\\', '#' or '?', which no id may contain";
        }

        return isValid(value) ? null : pattern;
    }

    /// <summary>The description of a case reference or episode id, for errors.</summary>
    public const string SubjectIdPatternText = "must be 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>Returns <paramref name="value"/> when it is a case reference or episode id; otherwise a 400 naming <paramref name="field"/>.</summary>
    public static string CheckSubjectId(string? value, string field) =>
        Problem(value, IsSubjectId, SubjectIdPatternText) is { } problem ? throw new ValidationException(field, problem) : value!;

    /// <summary>Alert keys and milestone keys (escaped as the domain writes them): letters, digits, '_', '-', '.', '~'; at most 255.</summary>
    public static bool IsAlertOrMilestoneKey(string? value) => value is not null && AlertOrMilestoneKeyPattern().IsMatch(value);

    /// <summary>Returns <paramref name="value"/> when it has the shape of an alert or milestone key; otherwise a 400 naming <paramref name="field"/>.</summary>
    public static string CheckAlertOrMilestoneKey(string? value, string field) =>
        Problem(value, IsAlertOrMilestoneKey, "must be a key as alerts and milestones name it: letters, digits, '_', '-', '.', '~'; at most 255 characters") is { } problem
            ? throw new ValidationException(field, problem)
            : value!;

    [GeneratedRegex("^[A-Za-z0-9_.~-]{1,255}$", RegexOptions.CultureInvariant)]
    private static partial Regex AlertOrMilestoneKeyPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorityCodePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectIdPattern();

    [GeneratedRegex("^[a-z0-9_]{1,80}$", RegexOptions.CultureInvariant)]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex EventIdPattern();

    [GeneratedRegex(KeyIdRegex, RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdPattern();
}
