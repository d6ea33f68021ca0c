namespace Scheduler.Functions.Work;

/// <summary><c>GET /api/authorities/{code}/worklist?days=10[&amp;assignee=email]</c>.</summary>
public sealed class GetWorkList(ApiEndpoint api, WorkListService worklists)
{
    /// <summary>The function.</summary>
    [Function(nameof(GetWorkList))]
    [ApiOperation("Work", "What is overdue and what falls due in the next N working days (?days=10), for the authority or one assignee (?assignee=email).")]
    [ApiQuery("days", typeof(int), "Working days to look ahead, 0–260 (default 10).", Example = "10")]
    [ApiQuery("assignee", typeof(string), "Only items whose recipients include this email.", Example = "cp.chair@croydon.example")]
    [ApiResponse(200, "The work list.", Type = typeof(WorkList))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.WorkList)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
        {
            var days = ApiEndpoint.QueryNumber(request, "days", 10, "must be a whole number of working days");
            return ApiResults.Json(await worklists.GetAsync(code, days, ApiEndpoint.QueryText(request, "assignee"), ct));
        });
}
