using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Calendar;

namespace Scheduler.Application.Input;

/// <summary>
/// Reads one JSON object field by field, naming the field (dotted path) in every error, and refuses fields it was
/// not asked for. Optionally refuses personal data (child names, dates of birth, addresses) anywhere inside.
/// </summary>
public sealed class StrictObject
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public StrictObject(JsonElement element, string path = "", bool refusePersonalData = false)
    {
        _path = path;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException(string.IsNullOrEmpty(path) ? "$" : path, "must be a JSON object");
        }

        _element = element;
        if (refusePersonalData)
        {
            PersonalData.Refuse(element, path);
        }
    }

    /// <summary>The dotted path of a field of this object.</summary>
    public string PathOf(string name) => string.IsNullOrEmpty(_path) ? name : $"{_path}.{name}";

    /// <summary>Whether the field is present and not null.</summary>
    public bool Has(string name) => _element.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value, or null when absent or JSON null (marks the field as read).</summary>
    public JsonElement? Raw(string name)
    {
        _read.Add(name);
        return _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
    }

    /// <summary>A required, non-empty string.</summary>
    public string RequiredString(string name, int maxLength = 200) =>
        OptionalString(name, maxLength) ?? throw new ValidationException(PathOf(name), "is required");

    /// <summary>An optional string (trimmed; empty counts as absent).</summary>
    public string? OptionalString(string name, int maxLength = 200)
    {
        if (Raw(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ValidationException(PathOf(name), "must be a string");
        }

        var text = value.GetString()!.Trim();
        if (text.Length > maxLength)
        {
            throw new ValidationException(PathOf(name), $"is longer than {maxLength} characters");
        }

        return text.Length == 0 ? null : text;
    }

    /// <summary>A required <c>yyyy-MM-dd</c> date inside the calendar's range.</summary>
    public LocalDate RequiredDate(string name) =>
        OptionalDate(name) ?? throw new ValidationException(PathOf(name), "is required (a yyyy-MM-dd date)");

    /// <summary>An optional <c>yyyy-MM-dd</c> date inside the calendar's range (1990–2040).</summary>
    public LocalDate? OptionalDate(string name) => Raw(name) is { } value ? Date(value, PathOf(name)) : null;

    /// <summary>An optional boolean.</summary>
    public bool? OptionalBool(string name) => Raw(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw new ValidationException(PathOf(name), "must be true or false"),
    };

    /// <summary>An optional integer within bounds.</summary>
    public int? OptionalInt(string name, int min, int max)
    {
        if (Raw(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw new ValidationException(PathOf(name), "must be a whole number");
        }

        return number >= min && number <= max
            ? number
            : throw new ValidationException(PathOf(name), $"must be between {min} and {max}");
    }

    /// <summary>A nested object, or null when absent.</summary>
    public StrictObject? OptionalObject(string name) => Raw(name) is { } value ? new StrictObject(value, PathOf(name)) : null;

    /// <summary>The elements of an optional array (empty when absent).</summary>
    public IReadOnlyList<JsonElement> OptionalArray(string name, int maxItems = 500)
    {
        if (Raw(name) is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new ValidationException(PathOf(name), "must be an array");
        }

        var items = value.EnumerateArray().ToList();
        return items.Count <= maxItems ? items : throw new ValidationException(PathOf(name), $"has more than {maxItems} items");
    }

    /// <summary>The names of the object's fields (for maps keyed by role).</summary>
    public IEnumerable<string> FieldNames => _element.EnumerateObject().Select(p => p.Name);

    /// <summary>Refuses any field that was not read.</summary>
    public void RejectUnknown(string? allowedHint = null)
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                var hint = allowedHint is null ? string.Empty : $" (allowed: {allowedHint})";
                throw new ValidationException(PathOf(property.Name), "is not a known field" + hint);
            }
        }
    }

    /// <summary>Parses a date value, checking it is inside the working-day calendar's range.</summary>
    public static LocalDate Date(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new ValidationException(path, "must be a yyyy-MM-dd date string");
        }

        // The length check also keeps out what NodaTime's parser would stop at (it reads U+0000 as the end).
        var text = value.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        if (text.Length != 10 || !result.Success)
        {
            // The value is not repeated: whatever is not a date may be anything, a name included.
            throw new ValidationException(path, "is not a valid yyyy-MM-dd date");
        }

        var calendar = WorkingDayCalendar.EnglandAndWales;
        return calendar.Covers(result.Value)
            ? result.Value
            : throw new ValidationException(path, $"{LocalDatePattern.Iso.Format(result.Value)} is outside the calendar's range ({calendar.FirstYear}–{calendar.LastYear})");
    }
}
