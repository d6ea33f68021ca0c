using System.Text.Json;

namespace Scheduler.Functions.Api;

/// <summary>Writes an RFC 7807 problem document.</summary>
public static class ProblemWriter
{
    /// <summary>The media type of problem documents.</summary>
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="problem"/> as the response.</summary>
    public static async Task WriteAsync(HttpContext context, ApiProblemException problem)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problem);
        var body = new Dictionary<string, object?>
        {
            ["type"] = "https://datatracker.ietf.org/doc/html/rfc9110#section-15." + (problem.Status >= 500 ? "6." : "5.") + SectionFor(problem.Status),
            ["title"] = problem.Title,
            ["status"] = problem.Status,
            ["detail"] = problem.Message,
            ["instance"] = context.Request.Path.Value,
        };
        if (problem.Errors.Count > 0)
        {
            body["field"] = problem.Errors[0].Field;
            body["reason"] = problem.Errors[0].Reason;
            body["errors"] = problem.Errors.Select(e => new Dictionary<string, string> { ["field"] = e.Field, ["reason"] = e.Reason }).ToList();
        }

        context.Response.Clear();
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, body, Options, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    }

    private static int SectionFor(int status) => status switch
    {
        400 => 1,
        401 => 2,
        403 => 4,
        404 => 5,
        409 => 10,
        413 => 14,
        _ => 1,
    };
}
