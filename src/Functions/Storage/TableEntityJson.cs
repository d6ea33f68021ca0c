using System.Globalization;
using System.Text.Json;
using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>Reads and writes entities in the Table service's OData JSON, with <c>@odata.type</c> annotations for non-JSON types.</summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("PartitionKey", entity.PartitionKey);
            writer.WriteString("RowKey", entity.RowKey);
            foreach (var (name, value) in entity)
            {
                WriteProperty(writer, name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static TableEntity Deserialize(JsonElement element, ETag? etagFromHeader = null)
    {
        var entity = new TableEntity();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            switch (name)
            {
                case "PartitionKey":
                    entity.PartitionKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "RowKey":
                    entity.RowKey = property.Value.GetString() ?? string.Empty;
                    continue;
                case "Timestamp":
                    entity.Timestamp = ParseDate(property.Value.GetString()!);
                    continue;
            }

            var value = ReadValue(name, property.Value, types.GetValueOrDefault(name));
            if (value is not null)
            {
                entity.SetFromService(name, value);
            }
        }

        if (etagFromHeader is { } etag)
        {
            entity.ETag = etag;
        }
        else if (element.TryGetProperty("odata.etag", out var bodyEtag) && bodyEtag.GetString() is { } text)
        {
            entity.ETag = new ETag(text);
        }

        return entity;
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string s:
                writer.WriteString(name, s);
                return;
            case int i:
                writer.WriteNumber(name, i);
                return;
            case bool b:
                writer.WriteBoolean(name, b);
                return;
            case long l:
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                return;
            case double d:
                // Always annotated: a whole double written as "1" would otherwise read back as Int32.
                if (double.IsFinite(d))
                {
                    writer.WriteNumber(name, d);
                }
                else
                {
                    writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }

                writer.WriteString(name + TypeSuffix, "Edm.Double");
                return;
            case DateTimeOffset dto:
                writer.WriteString(name, dto.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture));
                writer.WriteString(name + TypeSuffix, "Edm.DateTime");
                return;
            case Guid g:
                writer.WriteString(name, g.ToString("D"));
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                return;
            case byte[] bytes:
                writer.WriteString(name, Convert.ToBase64String(bytes));
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                return;
            default:
                throw new ArgumentException($"Property '{name}' has unsupported type {value.GetType().Name}.");
        }
    }

    private static object? ReadValue(string name, JsonElement value, string? edmType)
    {
        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            case "Edm.DateTime":
                return ParseDate(value.GetString()!);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return Convert.FromBase64String(value.GetString()!);
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.Number ? value.GetDouble() : value.GetString() switch
                {
                    "NaN" => double.NaN,
                    "Infinity" => double.PositiveInfinity,
                    "-Infinity" => double.NegativeInfinity,
                    var text => double.Parse(text!, CultureInfo.InvariantCulture),
                };
            case "Edm.Int32":
                return value.ValueKind == JsonValueKind.Number ? value.GetInt32() : int.Parse(value.GetString()!, CultureInfo.InvariantCulture);
            case "Edm.Boolean":
                return value.ValueKind == JsonValueKind.String ? bool.Parse(value.GetString()!) : value.GetBoolean();
            case "Edm.String":
                return value.GetString();
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            // Unannotated numbers: the service writes doubles with a decimal point ("1.0"), Int32 without.
            JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 || !value.TryGetInt32(out var i)
                ? (object)value.GetDouble()
                : i,
            _ => throw new FormatException($"Property '{name}' has a {value.ValueKind} value, which a table entity cannot hold."),
        };
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
