using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Functions.Host;

/// <summary>
/// One invocation as the Functions host sends it to a custom handler: <c>{"Data":{…},"Metadata":{…}}</c>.
/// Binding values and metadata may arrive as JSON values or as JSON-encoded strings; the accessors hide that.
/// </summary>
public sealed class InvocationRequest
{
    private static readonly JsonElement EmptyObject = JsonSerializer.SerializeToElement(new Dictionary<string, object>());

    private InvocationRequest(string functionName, JsonElement data, JsonElement metadata)
    {
        FunctionName = functionName;
        Data = data;
        Metadata = metadata;
    }

    /// <summary>The function being invoked (the folder name under <c>functions/</c>).</summary>
    public string FunctionName { get; }

    /// <summary>The <c>Data</c> object: one property per trigger or input binding.</summary>
    public JsonElement Data { get; }

    /// <summary>The <c>Metadata</c> object: trigger metadata plus <c>sys</c>.</summary>
    public JsonElement Metadata { get; }

    /// <summary>Parses an invocation payload; throws <see cref="InvalidInvocationException"/> when it is not the documented shape.</summary>
    public static InvocationRequest Parse(string functionName, ReadOnlySpan<byte> utf8Json)
    {
        JsonElement root;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"The invocation body for '{functionName}' is not valid JSON: {ex.Message}", ex);
        }

        return FromRoot(functionName, root);
    }

    /// <summary>Reads and parses an invocation payload from a request body.</summary>
    public static async Task<InvocationRequest> ReadAsync(string functionName, Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        return Parse(functionName, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static InvocationRequest FromRoot(string functionName, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"The invocation body for '{functionName}' must be a JSON object with Data and Metadata.");
        }

        var data = FindProperty(root, "Data") is { } d ? Decode(d) : EmptyObject;
        var metadata = FindProperty(root, "Metadata") is { } m ? Decode(m) : EmptyObject;
        if (data.ValueKind is JsonValueKind.Null)
        {
            data = EmptyObject;
        }

        if (metadata.ValueKind is JsonValueKind.Null)
        {
            metadata = EmptyObject;
        }

        if (data.ValueKind != JsonValueKind.Object || metadata.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"The invocation body for '{functionName}' must have object-valued Data and Metadata.");
        }

        return new InvocationRequest(functionName, data, metadata);
    }

    /// <summary>The binding's value exactly as sent (a JSON value or a string).</summary>
    public bool TryGetData(string bindingName, out JsonElement value)
    {
        if (FindProperty(Data, bindingName) is { } found)
        {
            value = found;
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The binding's value as message text: a string value is returned as is (it may itself be JSON),
    /// any other JSON value as its JSON text; null when the binding is absent or null.
    /// </summary>
    public string? GetDataText(string bindingName)
    {
        if (!TryGetData(bindingName, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    /// <summary>The binding's value as JSON, decoding a JSON-encoded string; null when absent.</summary>
    public JsonElement? GetDataJson(string bindingName) =>
        TryGetData(bindingName, out var value) ? Decode(value) : null;

    /// <summary>Deserializes the binding's value (object or JSON-encoded string) into <typeparamref name="T"/>.</summary>
    public T? GetData<T>(string bindingName, JsonSerializerOptions? options = null)
    {
        var json = GetDataJson(bindingName);
        if (json is not { } element || element.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        try
        {
            return element.Deserialize<T>(options ?? JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            throw new InvalidInvocationException($"Binding '{bindingName}' of '{FunctionName}' is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The first metadata value found among <paramref name="paths"/> (dotted paths, case-insensitive).</summary>
    public JsonElement? GetMetadata(params string[] paths)
    {
        foreach (var path in paths)
        {
            JsonElement? current = Metadata;
            foreach (var segment in path.Split('.'))
            {
                current = current is { } c ? FindProperty(Decode(c), segment) : null;
            }

            if (current is { } found && found.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                return Decode(found);
            }
        }

        return null;
    }

    /// <summary>A metadata value as text.</summary>
    public string? GetMetadataString(params string[] paths) => GetMetadata(paths) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } other => other.GetRawText(),
    };

    /// <summary>A metadata value as an integer (number or numeric string).</summary>
    public int? GetMetadataInt(params string[] paths) => GetMetadata(paths) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    /// <summary>A metadata value as an instant (ISO-8601 with offset or Z).</summary>
    public Instant? GetMetadataInstant(params string[] paths)
    {
        var text = GetMetadataString(paths);
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto)
            ? Instant.FromDateTimeOffset(dto)
            : null;
    }

    /// <summary>Delivery attempt: Service Bus <c>DeliveryCount</c> or storage queue <c>DequeueCount</c>.</summary>
    public int? DeliveryCount => GetMetadataInt("DeliveryCount", "DequeueCount");

    /// <summary>Message id: Service Bus <c>MessageId</c> or storage queue <c>Id</c>.</summary>
    public string? MessageId => GetMetadataString("MessageId", "Id");

    /// <summary>When the message was enqueued: Service Bus <c>EnqueuedTimeUtc</c> or storage queue <c>InsertionTime</c>.</summary>
    public Instant? EnqueuedTime => GetMetadataInstant("EnqueuedTimeUtc", "EnqueuedTime", "InsertionTime");

    /// <summary>The host's clock at dispatch (<c>sys.UtcNow</c>).</summary>
    public Instant? UtcNow => GetMetadataInstant("sys.UtcNow");

    private static JsonElement? FindProperty(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    // The host sometimes JSON-encodes values a second time (Service Bus bodies, some metadata);
    // a string that holds a JSON object, array or string literal is unwrapped once.
    private static JsonElement Decode(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return element;
        }

        var text = element.GetString();
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length < 2 || !(trimmed[0] is '{' or '[' or '"'))
        {
            return element;
        }

        try
        {
            return JsonSerializer.Deserialize<JsonElement>(text!);
        }
        catch (JsonException)
        {
            return element;
        }
    }
}

/// <summary>The invocation body is not the documented <c>{"Data":…,"Metadata":…}</c> shape.</summary>
public sealed class InvalidInvocationException(string message, Exception? inner = null) : Exception(message, inner);
