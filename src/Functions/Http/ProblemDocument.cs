using System.Text.Json.Serialization;

namespace Scheduler.Functions.Http;

/// <summary>
/// An RFC 7807 problem as the API writes it (<c>application/problem+json</c>); for bad input also the first
/// field and reason, and every field error.
/// </summary>
/// <param name="Type">A link to the status's definition in RFC 9110.</param>
/// <param name="Title">The status in words.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What was wrong, in a sentence; never a key or a stored value.</param>
/// <param name="Instance">The request's path.</param>
/// <param name="Field">Bad input: the first field at fault (dotted path such as <c>events[0].date</c>, <c>$</c> for the body, or a parameter's name).</param>
/// <param name="Reason">Bad input: what is wrong with it.</param>
/// <param name="Errors">Bad input: every field at fault.</param>
public sealed record ProblemDocument(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Field = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<FieldError>? Errors = null);
