namespace Scheduler.Functions.Api;

/// <summary>A request the API refuses, rendered as an RFC 7807 problem by <see cref="ApiErrorMiddleware"/>.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string title, string detail, IReadOnlyList<FieldError>? errors = null)
        : base(detail)
    {
        Status = status;
        Title = title;
        Errors = errors ?? [];
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>A short, fixed summary of the problem type.</summary>
    public string Title { get; }

    /// <summary>The fields at fault (400 only).</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    /// <summary>400: a field is missing, malformed or not allowed.</summary>
    public static ApiProblemException BadRequest(string field, string reason) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", $"{field}: {reason}", [new FieldError(field, reason)]);

    /// <summary>400 with several fields at fault.</summary>
    public static ApiProblemException BadRequest(IReadOnlyList<FieldError> errors) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")), errors);

    /// <summary>404: the authority, episode or case does not exist.</summary>
    public static ApiProblemException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist.");

    /// <summary>409: the resource exists already, or concurrent writes kept conflicting.</summary>
    public static ApiProblemException Conflict(string detail) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail);

    /// <summary>413: the body is larger than the API accepts.</summary>
    public static ApiProblemException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body exceeds {limit} bytes.", [new FieldError("$", $"the body exceeds {limit} bytes")]);
}
