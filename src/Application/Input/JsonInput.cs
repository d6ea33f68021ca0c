using System.Text.Json;
using System.Text.Unicode;

namespace Scheduler.Application.Input;

/// <summary>
/// Reads one JSON object, from a request body or a queue message, and checks its shape before any field is read:
/// at most <see cref="MaxBytes"/>, valid UTF-8, well-formed JSON of at most 32 levels, no field twice in one
/// object, and every field name and string within <see cref="TextRules"/>. Errors name the field (<c>$</c> for the
/// whole body) and never a value.
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

    /// <summary>Parses UTF-8 JSON that must be an object, and checks its shape.</summary>
    public static JsonElement Parse(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        if (utf8.IsEmpty)
        {
            throw new ValidationException("$", "the body is empty; a JSON object is required");
        }

        if (!Utf8.IsValid(utf8.Span))
        {
            throw new ValidationException("$", "is not valid UTF-8");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ValidationException("$", $"malformed JSON ({ex.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ValidationException("$", "the body must be a JSON object");
        }

        Check(root, string.Empty);
        return root;
    }

    /// <summary>Decodes a queue message's bytes as strict UTF-8 text; <see cref="ValidationException"/> naming <c>$</c> otherwise.</summary>
    public static string Text(ReadOnlySpan<byte> utf8) =>
        Utf8.IsValid(utf8)
            ? System.Text.Encoding.UTF8.GetString(utf8)
            : throw new ValidationException("$", "is not valid UTF-8 (invalid bytes are shown as U+FFFD in the poisoned copy)");

    private static void Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var name = NameOf(property, path);
                    var here = string.IsNullOrEmpty(path) ? name : $"{path}.{name}";
                    if (!names.Add(name))
                    {
                        throw new ValidationException(here, "appears more than once in the same object");
                    }

                    Check(property.Value, here);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{Here(path)}[{i++}]");
                }

                break;
            case JsonValueKind.String:
                string text;
                try
                {
                    text = element.GetString()!;
                }
                catch (InvalidOperationException)
                {
                    throw new ValidationException(Here(path), "is not well-formed text (it holds half of a surrogate pair)");
                }

                if (TextRules.Problem(text) is { } problem)
                {
                    throw new ValidationException(Here(path), problem);
                }

                break;
            case JsonValueKind.Number when element.GetRawText().Length > TextRules.MaxNumberLength:
                throw new ValidationException(Here(path), $"is a number of more than {TextRules.MaxNumberLength} characters");
        }
    }

    private static string NameOf(JsonProperty property, string path)
    {
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            throw new ValidationException(Here(path), "has a field name that is not well-formed text (half of a surrogate pair)");
        }

        if (name.Length == 0)
        {
            throw new ValidationException(Here(path), "has a field with an empty name");
        }

        return TextRules.Problem(name, TextRules.MaxFieldNameLength) is { } problem
            ? throw new ValidationException(Here(path), $"has a field name that {problem}")
            : name;
    }

    private static string Here(string path) => string.IsNullOrEmpty(path) ? "$" : path;
}
