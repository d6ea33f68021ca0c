namespace Scheduler.Functions.Cases;

/// <summary><c>GET /api/authorities/{code}/cases?limit=50[&amp;continuation=…][&amp;type=CP][&amp;assignee=email]</c>.</summary>
public sealed class ListCases(ApiEndpoint api, CaseListing listing)
{
    /// <summary>The function.</summary>
    [Function(nameof(ListCases))]
    [ApiOperation("Cases", "List the authority's cases a page at a time (?limit=, default 50, at most 500; ?continuation= from the previous page), optionally of one type (?type=CP) or with one assignee (?assignee=email).")]
    [ApiQuery("limit", typeof(int), "Cases per page, 1–500 (default 50).", Example = "50")]
    [ApiQuery("continuation", typeof(string), "The continuation of the previous page, as it returned it.")]
    [ApiQuery("type", typeof(string), "Only cases of this type: CP, LAC, or a type's snake_case name.", Example = "CP")]
    [ApiQuery("assignee", typeof(string), "Only cases with this assignee (email, any role). A page may then hold fewer than limit cases: follow the continuation until it is null.", Example = "cp.chair@croydon.example")]
    [ApiResponse(200, "One page of cases.", Type = typeof(CaseList))]
    [ApiResponse(404, "No such authority.")]
    public Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Cases)] HttpRequest request, string code) =>
        api.RunAsync(request, ApiAccess.ForAuthority(code), async (_, ct) =>
        {
            var limit = ApiEndpoint.QueryNumber(request, "limit", CaseListing.DefaultLimit, $"must be a whole number between 1 and {CaseListing.MaxLimit}");
            var query = new CaseQuery(limit, ApiEndpoint.QueryText(request, "continuation"), ApiEndpoint.QueryText(request, "type"), ApiEndpoint.QueryText(request, "assignee"));
            var page = await listing.ListAsync(code, query, ct);
            return ApiResults.Json(new CaseList([.. page.Cases.Select(CaseSummaryView.From)], page.Continuation));
        });
}
