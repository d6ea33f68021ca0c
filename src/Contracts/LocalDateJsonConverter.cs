using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Contracts;

/// <summary>Reads and writes a NodaTime <see cref="LocalDate"/> as an ISO <c>yyyy-MM-dd</c> string.</summary>
public sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    /// <inheritdoc />
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be a \"yyyy-MM-dd\" string.");
        }

        var text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success ? result.Value : throw new JsonException($"\"{text}\" is not a yyyy-MM-dd date.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}
