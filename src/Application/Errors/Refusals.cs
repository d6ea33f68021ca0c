using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;

namespace Scheduler.Application.Errors;

/// <summary>
/// The one place that says what an exception means for the caller: the field errors of a refusal (domain or
/// application) and whether it is permanent. The HTTP layer and the queue consumers both ask here, so a message
/// and a request with the same fault are refused for the same reason.
/// </summary>
public static class Refusals
{
    /// <summary>The field errors when <paramref name="exception"/> refuses bad input; null otherwise.</summary>
    public static IReadOnlyList<FieldError>? FieldErrors(Exception exception) => exception switch
    {
        ValidationException v => v.Errors,
        DomainValidationException d => [.. d.Errors.Select(e => new FieldError(e.Field, e.Reason))],
        UnknownRuleSetException u => [new FieldError("framework", u.Message)],
        CalendarRangeException c => [new FieldError("$", c.Message)],
        _ => null,
    };

    /// <summary>Whether the same input can never succeed: bad input, unknown subject, a conflicting id.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SchedulerException { IsPermanent: true } || FieldErrors(exception) is not null;

    /// <summary>A short, value-free description: the field errors, or the exception's message for application refusals.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        _ when FieldErrors(exception) is { } errors => string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}")),
        ConflictException { Field: { } field } c => $"{field}: {c.Message}",
        _ => exception.Message,
    };
}
