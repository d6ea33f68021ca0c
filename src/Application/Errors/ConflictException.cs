namespace Scheduler.Application.Errors;

/// <summary>
/// The request contradicts what is stored: the resource already exists, an id was reused for something else, or
/// the subject holds as many events as it may. <see cref="Field"/>, when set, names the field at fault.
/// </summary>
public sealed class ConflictException(string? field, string detail) : SchedulerException(detail)
{
    /// <summary>A conflict that no one field causes.</summary>
    public ConflictException(string detail)
        : this(null, detail)
    {
    }

    /// <summary>The field at fault (for example <c>id</c> or <c>eventId</c>), or null.</summary>
    public string? Field { get; } = field;

    /// <inheritdoc />
    public override bool IsPermanent => true;
}
