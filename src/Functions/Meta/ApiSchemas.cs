using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using NodaTime;
using Scheduler.Application.Json;
using Scheduler.Domain.Rules;

namespace Scheduler.Functions.Meta;

/// <summary>
/// The document's <c>components.schemas</c>, generated from the records the API binds and returns with
/// <see cref="JsonSchemaExporter"/> and the JSON options that really read and write them (the API's snake_case, or
/// the stored-state camelCase of the operations routes), so a schema cannot drift from its type. Each record of the
/// app gets one named schema; records nested in others refer to it. What the exporter cannot see is filled in
/// here: dates and instants (custom converters) as <c>date</c> and <c>date-time</c> strings, raw JSON objects,
/// role-keyed maps, and <see cref="EventInput"/>, documented as the <see cref="EventRequest"/> it reads.
/// </summary>
internal sealed class ApiSchemas
{
    // The parse result of an event is a name-value bag; the shape it reads is EventRequest (a test keeps them equal).
    private static readonly Dictionary<Type, Type> DocumentedAs = new() { [typeof(EventInput)] = typeof(EventRequest) };

    private readonly Dictionary<(Type, ApiJsonShape), string> _names = [];
    private readonly JsonSerializerOptions _api = ForSchemas(ApiJson.Options);
    private readonly JsonSerializerOptions _state = ForSchemas(StateJson.Options);

    /// <summary>The named schemas so far.</summary>
    public JsonObject Components { get; } = [];

    /// <summary>A reference to the named schema of <paramref name="type"/>, generating it on first use.</summary>
    public JsonObject Ref(Type type, ApiJsonShape shape = ApiJsonShape.Api)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = DocumentedAs.GetValueOrDefault(type, type);
        if (!_names.TryGetValue((type, shape), out var name))
        {
            name = shape == ApiJsonShape.State && _names.ContainsValue(type.Name) ? type.Name + "State" : type.Name;
            _names[(type, shape)] = name;
            Components[name] = null;
            Components[name] = Export(type, shape);
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + name };
    }

    // Nullability and required constructor parameters as the records declare them: the document says what is always
    // there. Numbers strict: the web defaults would also read "12" as 12, which the API never writes and StrictObject never reads.
    private static JsonSerializerOptions ForSchemas(JsonSerializerOptions options) =>
        new(options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict };

    private JsonNode Export(Type type, ApiJsonShape shape)
    {
        var options = shape == ApiJsonShape.State ? _state : _api;
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node, type, shape),
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, type, exporter);
        if (schema is JsonObject o)
        {
            o.Remove("$schema");

            // Bodies are read strictly: a field the record does not have is refused (400 naming it).
            if (type.Name.EndsWith("Request", StringComparison.Ordinal) && o["properties"] is not null)
            {
                o["additionalProperties"] = false;
            }
        }

        return schema;
    }

    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode node, Type root, ApiJsonShape shape)
    {
        var declared = context.TypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var nullable = Nullable.GetUnderlyingType(declared) is not null || AllowsNull(node);
        if (Known(type, nullable) is { } known)
        {
            return known;
        }

        if (type != root && (DocumentedAs.ContainsKey(type) || IsNamedRecord(type)))
        {
            var reference = Ref(type, shape);
            return nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        }

        if (node is JsonObject map && IsRoleMap(type))
        {
            map["propertyNames"] = new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames<Role>().Select(n => (JsonNode)n)]) };
        }

        // The exporter does not call back for properties whose type has a custom converter (dates, instants, raw
        // JSON) when they have a default value, nor for the items of such lists: fill them in from the owner.
        if (node is JsonObject { } owner && owner["properties"] is JsonObject properties)
        {
            foreach (var property in context.TypeInfo.Properties)
            {
                if (properties[property.Name] is JsonObject current && FillIn(property.PropertyType, current) is { } filled)
                {
                    properties[property.Name] = filled;
                }
            }
        }

        return node;
    }

    private static JsonObject? FillIn(Type declared, JsonObject current)
    {
        var nullable = Nullable.GetUnderlyingType(declared) is not null || AllowsNull(current) || (current["type"] is null && current.ContainsKey("default"));
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && type.GetGenericArguments() is [var only] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? only
            : null;
        JsonObject? filled;
        if (element is not null && Known(element, Nullable.GetUnderlyingType(element) is not null) is { } items)
        {
            filled = new JsonObject { ["type"] = nullable ? new JsonArray("array", "null") : "array", ["items"] = items };
        }
        else if (current["type"] is null && Known(type, nullable) is { } scalar)
        {
            filled = scalar;
        }
        else
        {
            return null;
        }

        if (current.ContainsKey("default"))
        {
            filled["default"] = current["default"]?.DeepClone();
        }

        return filled;
    }

    private static JsonObject? Known(Type declared, bool nullable)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        return type == typeof(LocalDate) ? Scalar("string", nullable, "date")
            : type == typeof(Instant) ? Scalar("string", nullable, "date-time")
            : type == typeof(JsonElement) ? Scalar("object", nullable, null)
            : null;
    }

    private static bool AllowsNull(JsonNode node) =>
        node is JsonObject { } o && o["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null");

    private static JsonObject Scalar(string type, bool nullable, string? format)
    {
        var schema = new JsonObject { ["type"] = nullable ? new JsonArray(type, "null") : type };
        if (format is not null)
        {
            schema["format"] = format;
        }

        return schema;
    }

    // The app's own records and classes (not collections, not enums, not framework types) get a schema of their own.
    private static bool IsNamedRecord(Type type) =>
        type.Namespace?.StartsWith("Scheduler.", StringComparison.Ordinal) == true && type is { IsClass: true, IsGenericType: false } && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsRoleMap(Type type) =>
        type.IsGenericType && type.GetGenericArguments() is [var key, _] && key == typeof(Role)
        && typeof(System.Collections.IEnumerable).IsAssignableFrom(type);
}
