namespace Scheduler.Functions.Http;

/// <summary>
/// Describes an HTTP function for the OpenAPI document (<see cref="Meta.OpenApiDocument"/>): the tag it is listed
/// under, its summary and which key it takes. With <see cref="ApiRequestAttribute"/>, <see cref="ApiResponseAttribute"/>,
/// <see cref="ApiQueryAttribute"/> and <see cref="ApiPathAttribute"/> this is everything a function declares to be documented.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string tag, string summary) : Attribute
{
    /// <summary>The group the operation is listed under.</summary>
    public string Tag { get; } = tag;

    /// <summary>One sentence on what the operation does.</summary>
    public string Summary { get; } = summary;

    /// <summary>Which key the operation takes (default: a key for the authority in the path, or the operator's).</summary>
    public ApiAuth Auth { get; set; } = ApiAuth.AuthorityKey;
}

/// <summary>Which key an operation takes; it decides the security requirement and the 401/403 answers documented.</summary>
public enum ApiAuth
{
    /// <summary><c>X-Api-Key</c>: a key for the authority in the path, or the operator key.</summary>
    AuthorityKey,

    /// <summary><c>X-Api-Key</c>: the operator key only.</summary>
    OperatorKey,

    /// <summary>As <see cref="AuthorityKey"/>, or the same key as <c>?key=</c> (calendar clients cannot send headers).</summary>
    FeedKey,

    /// <summary>No key.</summary>
    None,
}

/// <summary>The JSON body an operation reads: the record its handler parses it into (its schema is generated from it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestAttribute(Type type) : Attribute
{
    /// <summary>The record the body is read into.</summary>
    public Type Type { get; } = type;

    /// <summary>Whether a body must be sent (false: an empty body means all defaults).</summary>
    public bool Required { get; set; } = true;

    /// <summary>An example body (JSON), from the Croydon demo.</summary>
    public string? Example { get; set; }
}

/// <summary>
/// One answer an operation can give. Statuses of 400 and above are RFC 7807 problems (their schema is the
/// problem's); 401, 403, 400 (for parameters and bodies), 413 (bodies) and 500 are added from the operation's other
/// declarations, so a function declares its successes and its own refusals (404, 409, …).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, string description) : Attribute
{
    /// <summary>The HTTP status.</summary>
    public int Status { get; } = status;

    /// <summary>When it is given.</summary>
    public string Description { get; } = description;

    /// <summary>The type serialised as the body (null: no body, or a problem for 400 and above).</summary>
    public Type? Type { get; set; }

    /// <summary>The media type of the body.</summary>
    public string ContentType { get; set; } = ApiResults.JsonType;

    /// <summary>Which JSON options write the body (the API's, or the stored-state camelCase of the operations routes).</summary>
    public ApiJsonShape Json { get; set; } = ApiJsonShape.Api;

    /// <summary>An example body (JSON, or text for non-JSON media types).</summary>
    public string? Example { get; set; }
}

/// <summary>Which JSON options a body is written with.</summary>
public enum ApiJsonShape
{
    /// <summary><see cref="ApiJson.Options"/>: snake_case.</summary>
    Api,

    /// <summary><c>StateJson.Options</c>: camelCase (the operations routes).</summary>
    State,
}

/// <summary>A query parameter an operation reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, Type type, string description) : Attribute
{
    /// <summary>The parameter's name.</summary>
    public string Name { get; } = name;

    /// <summary>Its type (string, int, bool, or an enum-like string).</summary>
    public Type Type { get; } = type;

    /// <summary>What it does.</summary>
    public string Description { get; } = description;

    /// <summary>Whether it must be given.</summary>
    public bool Required { get; set; }

    /// <summary>An example value.</summary>
    public string? Example { get; set; }
}

/// <summary>Describes a route parameter the document does not already know (see <see cref="Meta.OpenApiDocument"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiPathAttribute(string name, string description, string example) : Attribute
{
    /// <summary>The parameter's name in the route template.</summary>
    public string Name { get; } = name;

    /// <summary>What it is.</summary>
    public string Description { get; } = description;

    /// <summary>An example value.</summary>
    public string Example { get; } = example;
}
