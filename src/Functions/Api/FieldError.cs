namespace Scheduler.Functions.Api;

/// <summary>One reason a request was refused, naming the JSON field (dotted path, <c>$</c> for the whole body) or query parameter.</summary>
public sealed record FieldError(string Field, string Reason);
