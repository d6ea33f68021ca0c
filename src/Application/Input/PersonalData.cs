using System.Text.Json;
using System.Text.Json.Nodes;

namespace Scheduler.Application.Input;

/// <summary>
/// Refuses fields that would carry a child's name, date of birth or address. Children are identified by the
/// council's case reference only; the refusal names the field so the sender can fix the integration.
/// </summary>
public static class PersonalData
{
    /// <summary>The reason given for a refused field.</summary>
    public const string Reason = "personal data is not accepted: identify a child by the council case reference only (no names, dates of birth or addresses)";

    private static readonly HashSet<string> Forbidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "names", "firstname", "forename", "forenames", "givenname", "lastname", "surname", "familyname",
        "fullname", "childname", "preferredname", "dob", "dateofbirth", "birthdate", "birthday", "address",
        "addressline1", "homeaddress", "postcode", "zipcode", "street", "nhsnumber", "nationalinsurancenumber",
    };

    /// <summary>Throws a 400 problem if any property, at any depth, is a personal-data field.</summary>
    public static void Refuse(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var here = string.IsNullOrEmpty(path) ? property.Name : $"{path}.{property.Name}";
                    if (IsForbidden(property.Name))
                    {
                        throw new ValidationException(here, Reason);
                    }

                    Refuse(property.Value, here);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Refuse(item, $"{path}[{i++}]");
                }

                break;
        }
    }

    /// <summary>What a withheld value is replaced with in a kept copy (a poison message).</summary>
    public const string Withheld = "[withheld]";

    /// <summary>
    /// A copy of <paramref name="node"/> to keep (in a poison queue) with the values withheld that must not be kept:
    /// those of personal-data fields at any depth, strings that break <see cref="TextRules"/> (a control character
    /// can smuggle text after a valid value, and a string that is not text cannot be replayed anyway), and the values
    /// at <paramref name="paths"/> (refused fields, dotted paths such as <c>event.milestone</c> or
    /// <c>events[0].date</c>; <c>$</c> is ignored): a value refused for its shape cannot be replayed as it is, so
    /// keeping it would only keep whatever text it carried. Field names and every other value are kept, so the
    /// message can be corrected and replayed.
    /// </summary>
    public static JsonNode? WithholdFrom(JsonNode? node, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var copy = Withhold(node);
        foreach (var path in paths)
        {
            ReplaceAt(copy, path);
        }

        return copy;
    }

    /// <summary>
    /// Replaces the value at <paramref name="path"/> (as errors name it: <c>a.b[0].c</c>, or <c>b[0]</c> for an array
    /// element) in <paramref name="node"/>. Field names are matched whole, so a name holding '.' or '[' is found too.
    /// </summary>
    private static void ReplaceAt(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (path == name)
                    {
                        o[name] = JsonValue.Create(Withheld);
                        return;
                    }

                    if (path.StartsWith(name, StringComparison.Ordinal) && path.Length > name.Length && path[name.Length] is '.' or '[')
                    {
                        ReplaceBelow(child, path[name.Length] == '.' ? path[(name.Length + 1)..] : path[name.Length..]);
                    }
                }

                break;
            case JsonArray when path.StartsWith('['):
                ReplaceBelow(node, path);
                break;
        }
    }

    /// <summary>Continues <see cref="ReplaceAt"/> below a field, where the path may go on with an index.</summary>
    private static void ReplaceBelow(JsonNode? node, string path)
    {
        if (!path.StartsWith('['))
        {
            if (node is JsonObject)
            {
                ReplaceAt(node, path);
            }

            return;
        }

        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (node is not JsonArray a || close < 0
            || !int.TryParse(path[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            || index >= a.Count)
        {
            return;
        }

        var rest = path[(close + 1)..];
        if (rest.Length == 0)
        {
            a[index] = JsonValue.Create(Withheld);
        }
        else
        {
            ReplaceBelow(a[index], rest.StartsWith('.') ? rest[1..] : rest);
        }
    }

    private static JsonNode? Withhold(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, IsForbidden(p.Key) ? JsonValue.Create(Withheld) : Withhold(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Withhold)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => IsKeepable(v) ? v.DeepClone() : JsonValue.Create(Withheld),
        _ => node?.DeepClone(),
    };

    /// <summary>Whether a field name is one of the refused personal-data names (ignoring case, '_' and '-').</summary>
    public static bool IsForbidden(string fieldName) =>
        Forbidden.Contains(fieldName.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal));

    private static bool IsKeepable(JsonValue value)
    {
        try
        {
            return TextRules.Problem(value.GetValue<string>()) is null;
        }
        catch (InvalidOperationException)
        {
            // Half a surrogate pair: not text.
            return false;
        }
    }
}
