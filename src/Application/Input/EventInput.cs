using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime.Text;
using Scheduler.Domain.Events;

namespace Scheduler.Application.Input;

/// <summary>
/// One event as the HTTP API and the case-events queue accept it: <c>{"type":"icpc_held","date":"2018-01-08"}</c>
/// plus, by type, the fields <see cref="EventFields"/> lists for it (<c>route</c>, <c>judgement</c>, <c>kind</c>,
/// <c>child_agrees</c>, <c>interval_months</c>, <c>milestone</c>), and optionally <c>id</c> (the idempotency key).
/// A field the type does not take is refused, naming it; personal data with its own reason; every value's format is
/// checked here, before the rules see it.
/// </summary>
public sealed partial record EventInput(string? Id, string Type, IReadOnlyDictionary<string, string?> Fields)
{
    /// <summary>Parses and checks the shape (not yet the domain rules); <paramref name="path"/> prefixes field names in errors.</summary>
    public static EventInput Parse(JsonElement element, string path = "")
    {
        var reader = new StrictObject(element, path, refusePersonalData: true);
        var id = reader.OptionalString("id", 128);
        if (id is not null && !KeyParts.IsEventId(id))
        {
            throw new ValidationException(reader.PathOf("id"), "must be 1–128 letters, digits, '.', '_', ':' or '-'");
        }

        var type = reader.RequiredString("type", 80);
        if (!EventFields.IsType(type))
        {
            throw new ValidationException(reader.PathOf("type"), $"is not an event type (one of {string.Join(", ", EventFields.Types)})");
        }

        var fields = EventFields.For(type);
        var values = fields.Select(f => (Field: f, Value: reader.Raw(f.Name))).ToList();
        reader.RejectUnknown($"{type} events take id, type, {string.Join(", ", fields.Select(f => f.Name))}");

        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            var here = reader.PathOf(field.Name);
            if (value is not { } v)
            {
                if (field.Required)
                {
                    throw new ValidationException(here, $"is required for {type} events");
                }

                continue;
            }

            result[field.Name] = Value(field, v, here);
        }

        return new EventInput(id, type, result);
    }

    /// <summary>
    /// An event as stored on its subject row (<see cref="ToPayload"/>'s shape), for recomputing: it was checked when
    /// it was recorded, so only its type's fields are read and nothing is refused here (the rules still run).
    /// </summary>
    public static EventInput FromStored(JsonElement payload)
    {
        var type = payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in EventFields.For(type))
        {
            if (payload.TryGetProperty(field.Name, out var value))
            {
                fields[field.Name] = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    JsonValueKind.Number => value.GetRawText(),
                    _ => null,
                };
            }
        }

        return new EventInput(null, type, fields);
    }

    /// <summary>The payload as stored on the subject row (no id: that is kept beside it).</summary>
    public JsonElement ToPayload()
    {
        var map = new Dictionary<string, object?> { ["type"] = Type };
        foreach (var (name, value) in Fields)
        {
            map[name] = name switch
            {
                "child_agrees" when bool.TryParse(value, out var b) => b,
                "interval_months" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                _ => value,
            };
        }

        return JsonSerializer.SerializeToElement(map);
    }

    /// <summary>The typed oversight event; throws the domain's validation exception for unknown types or bad fields.</summary>
    public OversightEvent ToOversightEvent() => EventFactory.Oversight(Type, Fields);

    /// <summary>The typed child case event; throws the domain's validation exception for unknown types or bad fields.</summary>
    public ChildCaseEvent ToChildCaseEvent() => EventFactory.ChildCase(Type, Fields);

    private static string Value(EventField field, JsonElement value, string path) => field.Kind switch
    {
        // The calendar's range (1990–2040) is checked here so the error names the field before any rule runs.
        EventFieldKind.Date => LocalDatePattern.Iso.Format(StrictObject.Date(value, path)),
        EventFieldKind.Choice when value.ValueKind == JsonValueKind.String && field.Choices.Contains(value.GetString()!, StringComparer.Ordinal) => value.GetString()!,
        EventFieldKind.Choice => throw new ValidationException(path, $"must be one of {string.Join(", ", field.Choices)}"),
        EventFieldKind.Boolean => value.ValueKind switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String when value.GetString() is "true" or "false" => value.GetString()!,
            _ => throw new ValidationException(path, "must be true or false"),
        },
        EventFieldKind.Months => value.ValueKind is JsonValueKind.Number or JsonValueKind.String
            && (value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!) is var months
            && field.Choices.Contains(months, StringComparer.Ordinal)
                ? months
                : throw new ValidationException(path, $"must be {string.Join(" or ", field.Choices)} (months)"),
        EventFieldKind.MilestoneKey when value.ValueKind == JsonValueKind.String && MilestoneKeyPattern().IsMatch(value.GetString()!) => value.GetString()!,
        EventFieldKind.MilestoneKey => throw new ValidationException(path, "must be a milestone key rule/cycle/sequence[/step], for example assessment_45wd/1/1"),
        _ => throw new ValidationException(path, "is not a field events take"),
    };

    [GeneratedRegex("^[a-z0-9_]{1,80}/[1-9][0-9]{0,3}/[1-9][0-9]{0,3}(/[a-z0-9_]{1,80})?$", RegexOptions.CultureInvariant)]
    private static partial Regex MilestoneKeyPattern();
}
