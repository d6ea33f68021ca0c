using System.Globalization;
using System.Text.Json;

namespace Scheduler.Application.Authorities;

/// <summary>
/// Bounds on what an authority's profile stores. Contacts, parameters and the escalation policy are each one
/// Table Storage string property (at most 32 K characters); they are stored compact and refused, naming the field,
/// when even compact they exceed <see cref="MaxStoredCharacters"/>.
/// </summary>
public static class AuthorityLimits
{
    /// <summary>The most characters contacts, parameters or the escalation policy may take once stored.</summary>
    public const int MaxStoredCharacters = 16_000;

    /// <summary>The JSON without insignificant whitespace (as it is stored).</summary>
    public static JsonElement Compact(JsonElement json) => JsonSerializer.SerializeToElement(json);

    /// <summary>Throws a 400 naming <paramref name="field"/> when <paramref name="storedJson"/> is longer than the limit.</summary>
    public static void Check(string field, string storedJson)
    {
        ArgumentNullException.ThrowIfNull(storedJson);
        if (storedJson.Length > MaxStoredCharacters)
        {
            throw new ValidationException(
                field,
                $"takes {storedJson.Length.ToString("N0", CultureInfo.InvariantCulture)} characters once stored; at most {MaxStoredCharacters.ToString("N0", CultureInfo.InvariantCulture)} are kept (use distribution lists rather than long lists of addresses)");
        }
    }
}
