using System.Text.Json;
using Scheduler.Application.Ports;

namespace Scheduler.Functions.Http;

/// <summary>
/// What every HTTP function does around its use case: authenticate the API key (<c>X-Api-Key</c>, or <c>?key=</c>
/// where the route allows it), check the caller may use the authority in the path, run the use case, and turn
/// refusals and failures into RFC 7807 problems. Never echoes a body, a key or a stack trace; logs name the route
/// template (<see cref="RouteTemplates"/>), never the path as sent, and the key id, never the key.
/// </summary>
public sealed partial class ApiEndpoint(KeyAuthenticator authenticator, ILogger<ApiEndpoint> logger)
{
    /// <summary>The request header carrying the key.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>The query parameter calendar clients may use instead.</summary>
    public const string KeyQuery = "key";

    /// <summary>Authenticates, authorises, runs <paramref name="handle"/> and maps what it throws.</summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, ApiAccess access, Func<Caller, CancellationToken, Task<IActionResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(handle);
        var cancellationToken = request.HttpContext.RequestAborted;
        var presented = PresentedKey(request, access.AllowQueryKey);
        var caller = presented is null ? null : await authenticator.AuthenticateAsync(presented, cancellationToken).ConfigureAwait(false);
        if (caller is null)
        {
            return Refuse(request, StatusCodes.Status401Unauthorized, "Unauthorized", null, presented is null
                ? $"Send an API key in the {KeyHeader} header."
                : "The API key is not valid.");
        }

        if (access.OperatorOnly && !caller.IsOperator)
        {
            return Refuse(request, StatusCodes.Status403Forbidden, "Forbidden", caller.KeyId, "This operation needs the operator key.");
        }

        if (access.Authority is { } code)
        {
            if (!caller.CanAccess(code))
            {
                return Refuse(request, StatusCodes.Status403Forbidden, "Forbidden", caller.KeyId, "The API key is not valid for this authority.");
            }

            if (!KeyParts.IsAuthorityCode(code))
            {
                return ApiResults.BadRequest("code", "must be 2–40 lower-case letters, digits or '-'", request.Path.Value);
            }
        }

        try
        {
            return await handle(caller, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Map(request, ex);
        }
    }

    /// <summary>The presented key, if any: the header, else (where allowed) the query parameter.</summary>
    public static string? PresentedKey(HttpRequest request, bool allowQuery)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[KeyHeader].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        return allowQuery && request.Query[KeyQuery].ToString() is { Length: > 0 } query ? query : null;
    }

    /// <summary>A query parameter's value, or null when it is absent or empty.</summary>
    public static string? QueryText(HttpRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query[name].ToString() is { Length: > 0 } value ? value : null;
    }

    /// <summary>A query parameter as a whole number (digits only), <paramref name="absent"/> when absent or empty; a 400 naming it with <paramref name="reason"/> otherwise.</summary>
    public static int QueryNumber(HttpRequest request, string name, int absent, string reason) =>
        QueryText(request, name) is not { } text
            ? absent
            : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ValidationException(name, reason);

    /// <summary>Reads the request body as one JSON object (at most 64 KiB, sent as <c>application/json</c>, else 415).</summary>
    public static Task<JsonElement> BodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!UnsupportedMediaTypeException.IsJson(request.ContentType))
        {
            throw new UnsupportedMediaTypeException();
        }

        return JsonInput.ReadObjectAsync(request.Body, request.ContentLength, cancellationToken);
    }

    /// <summary>
    /// Reads an optional JSON object body: null when the request has none (no or zero Content-Length and no
    /// Content-Type, as <c>curl -X POST</c> sends), else as <see cref="BodyAsync"/>.
    /// </summary>
    public static async Task<JsonElement?> OptionalBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength == 0 || (request.ContentLength is null && string.IsNullOrEmpty(request.ContentType)))
        {
            return null;
        }

        return await BodyAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private ContentResult Map(HttpRequest request, Exception exception)
    {
        var instance = request.Path.Value;
        var result = exception switch
        {
            TooLargeException t => ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body exceeds {t.LimitBytes} bytes.", instance, [new FieldError("$", $"the body exceeds {t.LimitBytes} bytes")]),
            NotFoundException n => ApiResults.Problem(StatusCodes.Status404NotFound, "Not found", n.Message, instance),
            UnsupportedMediaTypeException => ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", exception.Message, instance, [new FieldError("Content-Type", "must be application/json")]),
            ConflictException { Field: { } field } c => ApiResults.Problem(StatusCodes.Status409Conflict, "Conflict", $"{field}: {c.Message}", instance, [new FieldError(field, c.Message)]),
            ConflictException or ContentionException => ApiResults.Problem(StatusCodes.Status409Conflict, "Conflict", exception.Message, instance),
            StoreConflictException => ApiResults.Problem(StatusCodes.Status409Conflict, "Conflict", "The resource was changed by another request; retry with the latest version.", instance),
            ForbiddenException f => ApiResults.Problem(StatusCodes.Status403Forbidden, "Forbidden", f.Message, instance),
            _ when Refusals.FieldErrors(exception) is { } errors =>
                ApiResults.Problem(StatusCodes.Status400BadRequest, "The request is not valid", string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), instance, errors),
            _ => null,
        };
        if (result is null)
        {
            LogFailure(logger, exception, request.Method, RouteTemplates.Of(request.Path));
            return ApiResults.Problem(StatusCodes.Status500InternalServerError, "Internal error", "The request failed; see the service logs.", instance);
        }

        LogRefused(logger, request.Method, RouteTemplates.Of(request.Path), result.StatusCode ?? 0, exception.GetType().Name);
        return result;
    }

    private ContentResult Refuse(HttpRequest request, int status, string title, string? keyId, string detail)
    {
        LogAccessRefused(logger, request.Method, RouteTemplates.Of(request.Path), keyId ?? "(none)", status);
        return ApiResults.Problem(status, title, detail, request.Path.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: key {KeyId}, status {Status}")]
    private static partial void LogAccessRefused(ILogger logger, string method, string path, string keyId, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status} ({Refusal})")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string refusal);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
