namespace Scheduler.Domain.Validation;

/// <summary>Input the domain rejects: carries every error found, each naming a field and a reason.</summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(IReadOnlyList<ValidationError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public DomainValidationException(string field, string reason)
        : this([new ValidationError(field, reason)])
    {
    }

    /// <summary>The errors, at least one.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0
            ? "Invalid input."
            : "Invalid input: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"));
}
