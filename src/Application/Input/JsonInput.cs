using System.Text.Json;

namespace Scheduler.Application.Input;

/// <summary>
/// Reads one JSON object, from a request body or a queue message, refusing more than <see cref="MaxBytes"/> and
/// malformed JSON with errors that name no value.
/// </summary>
public static class JsonInput
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Reads <paramref name="body"/> to its end (at most <see cref="MaxBytes"/>) and parses it as an object.</summary>
    public static async Task<JsonElement> ReadObjectAsync(Stream body, long? declaredLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > MaxBytes)
        {
            throw new TooLargeException(MaxBytes);
        }

        // Read at most one byte more than the limit, so a chunked body without a declared length is caught too.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new TooLargeException(MaxBytes);
            }
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>Parses UTF-8 JSON that must be an object.</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw new ValidationException("$", "the body is empty; a JSON object is required");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ValidationException("$", "the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new ValidationException("$", $"malformed JSON ({ex.Message})");
        }
    }
}
