namespace Scheduler.Application.Errors;

/// <summary>The input is malformed, incomplete or not allowed; every error names its field.</summary>
public sealed class ValidationException(IReadOnlyList<FieldError> errors)
    : SchedulerException(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")))
{
    /// <summary>One field at fault.</summary>
    public ValidationException(string field, string reason)
        : this([new FieldError(field, reason)])
    {
    }

    /// <summary>The fields at fault, first the most important.</summary>
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    /// <inheritdoc />
    public override bool IsPermanent => true;
}
