using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Scheduler.Contracts;

namespace Scheduler.Application.Json;

/// <summary>The JSON options for values stored inside table properties (camelCase, ISO dates, enums by name).</summary>
public static class StateJson
{
    /// <summary>Shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serialises with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserialises with <see cref="Options"/>; a null document is an error (stored JSON is never "null").</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} was null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
