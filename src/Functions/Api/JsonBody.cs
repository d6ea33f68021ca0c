using System.Text.Json;

namespace Scheduler.Functions.Api;

/// <summary>Reads a request body as one JSON object, refusing bodies over 64 KiB (413) and malformed JSON (400).</summary>
public static class JsonBody
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's root object, cloned so it outlives the request.</summary>
    public static async Task<JsonElement> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw ApiProblemException.TooLarge(MaxBytes);
        }

        // Read at most one byte more than the limit, so a chunked body without Content-Length is caught too.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw ApiProblemException.TooLarge(MaxBytes);
            }
        }

        return Parse(buffer.ToArray());
    }

    /// <summary>Parses UTF-8 JSON that must be an object (used by the queue too).</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw ApiProblemException.BadRequest("$", "the body is empty; a JSON object is required");
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw ApiProblemException.BadRequest("$", "the body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw ApiProblemException.BadRequest("$", $"malformed JSON ({ex.Message})");
        }
    }
}
