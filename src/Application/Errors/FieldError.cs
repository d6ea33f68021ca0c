namespace Scheduler.Application.Errors;

/// <summary>One reason input was refused, naming the JSON field (dotted path, <c>$</c> for the whole body) or parameter.</summary>
public sealed record FieldError(string Field, string Reason);
