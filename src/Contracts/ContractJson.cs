using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Scheduler.Contracts;

/// <summary>The one set of JSON options the CLI and the HTTP API share, so both emit identical documents.</summary>
public static class ContractJson
{
    /// <summary>snake_case names, <c>yyyy-MM-dd</c> dates, enums as snake_case strings, nulls written out.</summary>
    public static JsonSerializerOptions Options { get; } = Create(writeIndented: false);

    /// <summary>As <see cref="Options"/>, indented for people reading a terminal.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = Create(writeIndented: true);

    /// <summary>Serialises <paramref name="value"/> with the contract options.</summary>
    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? IndentedOptions : Options);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = writeIndented,

            // Titles and sources contain apostrophes and dashes; the output is JSON for programs and terminals,
            // never inlined into HTML, so there is no need to escape them as \u0027.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new LocalDateJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
