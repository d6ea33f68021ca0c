using System.Globalization;
using System.Text.Json;
using Scheduler.Domain.Events;

namespace Scheduler.Application.Input;

/// <summary>
/// One event as the HTTP API and the case-events queue accept it:
/// <c>{"type":"icpc_held","date":"2018-01-08"}</c> plus, by type, <c>judgement</c>, <c>route</c>, <c>kind</c>,
/// <c>child_agrees</c>, <c>interval_months</c> or <c>milestone</c>, and optionally <c>id</c> (the idempotency key).
/// Anything else is refused, personal data with its own reason.
/// </summary>
public sealed record EventInput(string? Id, string Type, IReadOnlyDictionary<string, string?> Fields)
{
    private static readonly string[] ValueFields = ["date", "judgement", "route", "kind", "child_agrees", "interval_months", "milestone"];

    /// <summary>The allowed field names, for error messages.</summary>
    public static string AllowedFields => "id, type, " + string.Join(", ", ValueFields);

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
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in ValueFields)
        {
            if (reader.Raw(name) is not { } value)
            {
                continue;
            }

            if (name == "date")
            {
                // The calendar's range (1990–2040) is checked here so the error names the field before any rule runs.
                StrictObject.Date(value, reader.PathOf(name));
            }

            fields[name] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.GetRawText(),
                _ => throw new ValidationException(reader.PathOf(name), "must be a string, number or boolean"),
            };
        }

        reader.RejectUnknown(AllowedFields);
        return new EventInput(id, type, fields);
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
}
