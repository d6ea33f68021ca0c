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
    /// those of personal-data fields at any depth, and strings that break <see cref="TextRules"/> (a control
    /// character can smuggle text after a valid value, and a string that is not text cannot be replayed anyway).
    /// Field names and every other value are kept, so the message can be corrected and replayed.
    /// </summary>
    public static JsonNode? WithholdFrom(JsonNode? node) => Withhold(node);

    /// <summary>
    /// As <see cref="WithholdFrom(JsonNode?)"/>, and also the values at <paramref name="paths"/> (refused fields,
    /// dotted paths such as <c>event.milestone</c> or <c>events[0].date</c>; <c>$</c> is ignored): a value refused
    /// for its shape cannot be replayed as it is, so keeping it would only keep whatever text it carried.
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

    private static void ReplaceAt(JsonNode? root, string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? part : part[..bracket];
            if (name.Length > 0)
            {
                steps.Add(name);
            }

            for (var rest = bracket < 0 ? string.Empty : part[bracket..]; rest.StartsWith('[');)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                if (close < 0 || !int.TryParse(rest[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    return;
                }

                steps.Add(index);
                rest = rest[(close + 1)..];
            }
        }

        if (steps.Count == 0 || path == "$")
        {
            return;
        }

        var parent = root;
        foreach (var step in steps.Take(steps.Count - 1))
        {
            parent = step switch
            {
                string name when parent is JsonObject o && o.TryGetPropertyValue(name, out var child) => child,
                int index when parent is JsonArray a && index < a.Count => a[index],
                _ => null,
            };
        }

        switch (steps[^1])
        {
            case string name when parent is JsonObject o && o.ContainsKey(name):
                o[name] = JsonValue.Create(Withheld);
                break;
            case int index when parent is JsonArray a && index < a.Count:
                a[index] = JsonValue.Create(Withheld);
                break;
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
