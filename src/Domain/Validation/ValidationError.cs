namespace Scheduler.Domain.Validation;

/// <summary>One problem with input: the field at fault and why, in words fit for an API problem body.</summary>
public sealed record ValidationError(string Field, string Reason);
