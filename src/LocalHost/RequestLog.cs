using System.Diagnostics;
using Scheduler.Functions.Http;

namespace Scheduler.LocalHost;

/// <summary>
/// The local host's one line per request, in place of ASP.NET Core's "Request starting/finished" lines (kept at
/// Warning by the composition root): the method, the route template the path matched, the status and the time
/// taken. Never the path or query as sent, which may hold a feed key or a name.
/// </summary>
public sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    /// <summary>Runs the rest of the pipeline and logs its outcome.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            LogRequest(logger, context.Request.Method, RouteTemplates.Of(context.Request.Path), context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Route} answered {Status} in {ElapsedMs:0} ms")]
    private static partial void LogRequest(ILogger logger, string method, string route, int status, double elapsedMs);
}
