using System.Text.Json;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Api;

/// <summary>
/// Turns refusals and failures under <c>/api</c> into RFC 7807 <c>application/problem+json</c> bodies with
/// <c>field</c> and <c>reason</c> (the first error) and <c>errors</c> (all of them). Never echoes the body.
/// </summary>
public sealed partial class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger)
{
    /// <summary>Runs the pipeline and maps exceptions.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Map(ex) is { } problem)
        {
            if (problem.Status >= 500)
            {
                LogFailure(logger, ex, context.Request.Method, context.Request.Path);
            }
            else
            {
                LogRefused(logger, context.Request.Method, context.Request.Path, problem.Status, problem.Message);
            }

            await ProblemWriter.WriteAsync(context, problem).ConfigureAwait(false);
        }
    }

    private static ApiProblemException? Map(Exception ex) => ex switch
    {
        ApiProblemException p => p,
        DomainValidationException d => ApiProblemException.BadRequest([.. d.Errors.Select(e => new FieldError(e.Field, e.Reason))]),
        UnknownRuleSetException u => ApiProblemException.BadRequest("framework", u.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiProblemException.TooLarge(JsonBody.MaxBytes),
        BadHttpRequestException b => ApiProblemException.BadRequest("$", b.Message),
        JsonException j => ApiProblemException.BadRequest(string.IsNullOrEmpty(j.Path) ? "$" : j.Path, "is not valid JSON: " + j.Message),
        CalendarRangeException c => ApiProblemException.BadRequest("$", c.Message),
        TableConcurrencyException => ApiProblemException.Conflict("The resource was changed by another request; retry with the latest version."),
        TableEntityAlreadyExistsException => ApiProblemException.Conflict("The resource already exists."),
        OperationCanceledException => null,
        _ => new ApiProblemException(StatusCodes.Status500InternalServerError, "Internal error", "The request failed; see the service logs."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused with {Status}: {Detail}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
