using System.Text.Json;
using System.Xml.Linq;
using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>Turns a failed storage response into a <see cref="RequestFailedException"/> carrying the service's error code.</summary>
internal static class StorageErrors
{
    public static RequestFailedException Create(Response response, string operation)
    {
        var (code, message) = Parse(response);
        return Create(response.Status, code, message, operation);
    }

    public static RequestFailedException Create(int status, string? code, string? message, string operation) =>
        new(status, Describe(status, code, message, operation), code, null);

    public static string Describe(int status, string? code, string? message, string operation) =>
        $"{operation} failed: HTTP {status}{(code is null ? string.Empty : $" ({code})")}{(string.IsNullOrWhiteSpace(message) ? string.Empty : $": {FirstLine(message)}")}";

    /// <summary>Reads the error code and message from the header, an OData JSON body or a storage XML body.</summary>
    public static (string? Code, string? Message) Parse(Response response)
    {
        response.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (bodyCode, message) = ParseBody(response.Content?.ToString());
        return (headerCode ?? bodyCode, message);
    }

    public static (string? Code, string? Message) ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            var trimmed = body.TrimStart();
            if (trimmed.StartsWith('{'))
            {
                using var doc = JsonDocument.Parse(trimmed);
                if (doc.RootElement.TryGetProperty("odata.error", out var error) || doc.RootElement.TryGetProperty("error", out error))
                {
                    var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (error.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }

                    return (code, message);
                }
            }
            else if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            // An unparseable error body still yields the status; keep the raw text as the message.
        }

        return (null, body);
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
