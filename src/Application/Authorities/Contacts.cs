using System.Text.Json;
using System.Text.RegularExpressions;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Authorities;

/// <summary>Reads alert contacts: role code → an email address (or distribution list) or a list of them.</summary>
public static partial class Contacts
{
    /// <summary>The roles an authority may name contacts for.</summary>
    public static IReadOnlySet<Role> AuthorityRoles { get; } = new HashSet<Role>
    {
        Role.PO, Role.DCS, Role.CEX, Role.IBC, Role.DFE, Role.COM, Role.OFS, Role.IRO, Role.CPC, Role.TM, Role.HOS,
    };

    /// <summary>The roles a case may name assignees for.</summary>
    public static IReadOnlySet<Role> CaseRoles { get; } = new HashSet<Role> { Role.IRO, Role.CPC, Role.TM };

    /// <summary>Whether <paramref name="value"/> looks like an email address.</summary>
    public static bool IsEmail(string value) => value.Length <= 254 && EmailPattern().IsMatch(value);

    /// <summary>Parses an authority's contacts map.</summary>
    public static Dictionary<Role, IReadOnlyList<string>> ParseAuthority(StrictObject? map)
    {
        var result = new Dictionary<Role, IReadOnlyList<string>>();
        if (map is null)
        {
            return result;
        }

        foreach (var name in map.FieldNames.ToList())
        {
            var role = ParseRole(map, name, AuthorityRoles);
            var raw = map.Raw(name);
            IReadOnlyList<string> addresses = raw switch
            {
                null => [],
                { ValueKind: JsonValueKind.String } s => [Email(s, map.PathOf(name))],
                { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Take(51).Select((e, i) => i < 50 ? Email(e, $"{map.PathOf(name)}[{i}]") : throw new ValidationException(map.PathOf(name), "lists more than 50 addresses"))],
                _ => throw new ValidationException(map.PathOf(name), "must be an email address or a list of them"),
            };
            result[role] = addresses;
        }

        return result;
    }

    /// <summary>Parses a case's assignees: IRO, CPC and TM, one email each.</summary>
    public static Dictionary<Role, string> ParseAssignees(StrictObject? map)
    {
        var result = new Dictionary<Role, string>();
        if (map is null)
        {
            return result;
        }

        foreach (var name in map.FieldNames.ToList())
        {
            var role = ParseRole(map, name, CaseRoles);
            if (map.Raw(name) is { } value)
            {
                result[role] = Email(value, map.PathOf(name));
            }
        }

        return result;
    }

    private static Role ParseRole(StrictObject map, string name, IReadOnlySet<Role> allowed) =>
        Enum.TryParse<Role>(name, ignoreCase: false, out var role) && allowed.Contains(role) && name.All(char.IsAsciiLetterUpper)
            ? role
            : throw new ValidationException(map.PathOf(name), $"is not a role code here (one of {string.Join(", ", allowed.Order())})");

    private static string Email(JsonElement value, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        return text is not null && IsEmail(text)
            ? text
            : throw new ValidationException(path, "must be an email address");
    }

    [GeneratedRegex(@"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
