using System.Text.Json;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Alerts;

/// <summary>
/// The JSON form of an authority's <see cref="EscalationPolicyOverride"/>, as the API stores it on the authority:
/// <c>{"groups":{"ChildProtection":{"leadWorkingDays":3,"escalation":["HOS","DCS"]}}}</c>.
/// </summary>
public static class EscalationPolicyJson
{
    private static readonly string[] Fields =
        ["leadWorkingDays", "escalateAfterWorkingDays", "renotifyEveryWorkingDays", "primary", "escalation"];

    /// <summary>Parses and validates an override against <paramref name="basePolicy"/> (default: <see cref="EscalationPolicy.Default"/>).</summary>
    /// <exception cref="EscalationPolicyException">The JSON is malformed or a field is invalid; the exception names the field.</exception>
    public static EscalationPolicyOverride Parse(string json, EscalationPolicy? basePolicy = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EscalationPolicyException("$", $"is not valid JSON ({ex.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new EscalationPolicyException("$", "must be a JSON object.");
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != "groups")
                {
                    throw new EscalationPolicyException(property.Name, "is not a known field (expected \"groups\").");
                }
            }

            var groups = new Dictionary<RuleGroup, GroupPolicyOverride>();
            if (root.TryGetProperty("groups", out var groupsElement))
            {
                if (groupsElement.ValueKind != JsonValueKind.Object)
                {
                    throw new EscalationPolicyException("groups", "must be an object keyed by rule group.");
                }

                foreach (var group in groupsElement.EnumerateObject())
                {
                    var path = $"groups.{group.Name}";
                    if (!TryParseName<RuleGroup>(group.Name, out var ruleGroup))
                    {
                        throw new EscalationPolicyException(path, $"is not a rule group (one of {string.Join(", ", Enum.GetNames<RuleGroup>())}).");
                    }

                    groups[ruleGroup] = ParseGroup(group.Value, path);
                }
            }

            var result = new EscalationPolicyOverride(groups);
            (basePolicy ?? EscalationPolicy.Default).With(result);
            return result;
        }
    }

    /// <summary>Writes an override in the form <see cref="Parse"/> reads.</summary>
    public static string Serialize(EscalationPolicyOverride overrides)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("groups");
            foreach (var (group, o) in overrides.Groups.OrderBy(g => g.Key))
            {
                writer.WriteStartObject(group.ToString());
                WriteInt(writer, Fields[0], o.LeadWorkingDays);
                WriteInt(writer, Fields[1], o.EscalateAfterWorkingDays);
                WriteInt(writer, Fields[2], o.RenotifyEveryWorkingDays);
                WriteRoles(writer, Fields[3], o.Primary);
                WriteRoles(writer, Fields[4], o.Escalation);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static GroupPolicyOverride ParseGroup(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new EscalationPolicyException(path, "must be an object.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (!Fields.Contains(property.Name))
            {
                throw new EscalationPolicyException($"{path}.{property.Name}", $"is not a known field (one of {string.Join(", ", Fields)}).");
            }
        }

        return new GroupPolicyOverride(
            ReadInt(element, Fields[0], path),
            ReadInt(element, Fields[1], path),
            ReadInt(element, Fields[2], path),
            ReadRoles(element, Fields[3], path),
            ReadRoles(element, Fields[4], path));
    }

    private static int? ReadInt(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new EscalationPolicyException($"{path}.{name}", "must be a whole number of working days.");
        }

        return number;
    }

    private static Role[]? ReadRoles(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new EscalationPolicyException($"{path}.{name}", "must be an array of role codes.");
        }

        var roles = new List<Role>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String
                || !TryParseName<Role>(item.GetString(), out var role))
            {
                throw new EscalationPolicyException($"{path}.{name}[{index}]", $"is not a role code (one of {string.Join(", ", Enum.GetNames<Role>())}).");
            }

            if (!roles.Contains(role))
            {
                roles.Add(role);
            }

            index++;
        }

        return [.. roles];
    }

    // Enum.TryParse also accepts numbers ("5"); only the exact member names are valid here.
    private static bool TryParseName<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrEmpty(name) && char.IsLetter(name[0])
            && Enum.TryParse(name, ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    private static void WriteInt(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }

    private static void WriteRoles(Utf8JsonWriter writer, string name, IReadOnlyList<Role>? roles)
    {
        if (roles is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var role in roles)
        {
            writer.WriteStringValue(role.ToString());
        }

        writer.WriteEndArray();
    }
}
