namespace Scheduler.Functions.Api;

/// <summary>
/// The endpoint filter that guards every <c>/api/authorities/{code}</c> route: 401 without a valid key, 403 for a
/// key scoped to another authority (or a non-operator key on an operator route). Refusals are logged with path,
/// method, key id and status, never the body.
/// </summary>
public sealed partial class AuthorityAccess(ApiKeyAuthenticator authenticator, ILogger<AuthorityAccess> logger) : IEndpointFilter
{
    private const string CallerItem = "Scheduler.ApiCaller";

    /// <summary>The authenticated caller of the current request.</summary>
    public static ApiCaller Caller(HttpContext context) =>
        context.Items[CallerItem] as ApiCaller ?? throw new InvalidOperationException("The route is not guarded by AuthorityAccess.");

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        var operatorOnly = metadata?.GetMetadata<OperatorOnlyAttribute>() is not null;
        var allowQueryKey = metadata?.GetMetadata<QueryKeyAllowedAttribute>() is not null;

        var presented = ApiKeyAuthenticator.PresentedKey(http.Request, allowQueryKey);
        var caller = presented is null ? null : await authenticator.AuthenticateAsync(presented, http.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            return Refuse(http, StatusCodes.Status401Unauthorized, null, presented is null
                ? $"Send an API key in the {ApiKeyAuthenticator.HeaderName} header."
                : "The API key is not valid.");
        }

        var code = http.Request.RouteValues["code"] as string;
        if (operatorOnly && !caller.IsOperator)
        {
            return Refuse(http, StatusCodes.Status403Forbidden, caller.KeyId, "This operation needs the operator key.");
        }

        if (code is not null && !caller.CanAccess(code))
        {
            return Refuse(http, StatusCodes.Status403Forbidden, caller.KeyId, "The API key is not valid for this authority.");
        }

        if (code is not null && !State.KeyParts.IsAuthorityCode(code))
        {
            return Results.Problem(
                detail: "code: must be 2–40 lower-case letters, digits or '-'",
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request is not valid",
                instance: http.Request.Path.Value,
                extensions: new Dictionary<string, object?> { ["field"] = "code", ["reason"] = "must be 2–40 lower-case letters, digits or '-'" });
        }

        http.Items[CallerItem] = caller;
        return await next(context).ConfigureAwait(false);
    }

    private IResult Refuse(HttpContext http, int status, string? keyId, string detail)
    {
        LogRefused(logger, http.Request.Path.Value ?? string.Empty, http.Request.Method, keyId ?? "(none)", status);
        var title = status == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden";
        return Results.Problem(detail: detail, statusCode: status, title: title, instance: http.Request.Path.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path}: key {KeyId}, status {Status}")]
    private static partial void LogRefused(ILogger logger, string path, string method, string keyId, int status);
}

/// <summary>Marks a route only the operator key may call.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OperatorOnlyAttribute : Attribute;

/// <summary>Marks a route (calendar feeds) that also accepts the key as <c>?key=</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class QueryKeyAllowedAttribute : Attribute;
