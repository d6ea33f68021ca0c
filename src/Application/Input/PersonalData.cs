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
    public static JsonNode? WithholdFrom(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, IsForbidden(p.Key) ? JsonValue.Create(Withheld) : WithholdFrom(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithholdFrom)]),
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
