using System.Text.Json;

namespace Scheduler.Functions.Http;

/// <summary>
/// The results HTTP functions return. Bodies are serialised here, not by a formatter, so the worker under the
/// Functions host and the local host write the same bytes.
/// </summary>
public static class ApiResults
{
    /// <summary>The media type of JSON answers.</summary>
    public const string JsonType = "application/json; charset=utf-8";

    /// <summary>The media type of RFC 7807 problem documents.</summary>
    public const string ProblemType = "application/problem+json";

    /// <summary>A JSON answer with the API's options.</summary>
    public static ContentResult Json<T>(T value, int statusCode = StatusCodes.Status200OK) => new()
    {
        Content = JsonSerializer.Serialize(value, ApiJson.Options),
        ContentType = JsonType,
        StatusCode = statusCode,
    };

    /// <summary>A JSON answer serialised with other options (the CLI's contract, or stored-state camelCase).</summary>
    public static ContentResult Json<T>(T value, JsonSerializerOptions options, int statusCode = StatusCodes.Status200OK) => new()
    {
        Content = JsonSerializer.Serialize(value, options),
        ContentType = JsonType,
        StatusCode = statusCode,
    };

    /// <summary>204: done, nothing to say.</summary>
    public static StatusCodeResult NoContent() => new(StatusCodes.Status204NoContent);

    /// <summary>A plain-text answer of any media type (the calendar feed).</summary>
    public static ContentResult Text(string content, string contentType) => new() { Content = content, ContentType = contentType, StatusCode = StatusCodes.Status200OK };

    /// <summary>An RFC 7807 problem; with field errors it carries <c>field</c>, <c>reason</c> (the first) and <c>errors</c> (all).</summary>
    public static ContentResult Problem(int status, string title, string detail, string? instance, IReadOnlyList<FieldError>? errors = null)
    {
        var type = "https://datatracker.ietf.org/doc/html/rfc9110#section-15." + (status >= 500 ? "6." : "5.") + SectionFor(status);
        var body = errors is { Count: > 0 }
            ? new ProblemDocument(type, title, status, detail, instance, errors[0].Field, errors[0].Reason, errors)
            : new ProblemDocument(type, title, status, detail, instance);
        return new ContentResult { Content = JsonSerializer.Serialize(body, ApiJson.Options), ContentType = ProblemType, StatusCode = status };
    }

    /// <summary>A 400 naming one field.</summary>
    public static ContentResult BadRequest(string field, string reason, string? instance) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid", $"{field}: {reason}", instance, [new FieldError(field, reason)]);

    private static int SectionFor(int status) => status switch
    {
        400 => 1,
        401 => 2,
        403 => 4,
        404 => 5,
        405 => 6,
        409 => 10,
        413 => 14,
        415 => 16,
        503 => 4,
        _ => 1,
    };
}
