using Scheduler.Contracts;
using Scheduler.Functions.Application;

namespace Scheduler.Functions.Api;

/// <summary><c>/api/authorities/{code}/cases/{caseRef}[/events|/milestones]</c>.</summary>
public static class CaseEndpoints
{
    /// <summary>Maps the routes on the guarded <c>/api/authorities</c> group.</summary>
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{code}/cases/{caseRef}", async (string code, string caseRef, HttpContext http, CaseService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadObjectAsync(http.Request, ct);
                var view = await service.CreateAsync(code, caseRef, body, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(CaseView.From(view), StatusCodes.Status201Created);
            })
            .WithSummary("Create a case by council case reference (type CP or LAC; assignee emails; optional initial events).");

        group.MapPut("/{code}/cases/{caseRef}", async (string code, string caseRef, HttpContext http, CaseService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadObjectAsync(http.Request, ct);
                var (view, created) = await service.PutAsync(code, caseRef, body, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(CaseView.From(view), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            })
            .WithSummary("Create or update a case's type and assignees (events are kept).");

        group.MapGet("/{code}/cases/{caseRef}", async (string code, string caseRef, CaseService service, CancellationToken ct) =>
                ApiJson.Result(CaseView.From(await service.GetAsync(code, caseRef, ct))))
            .WithSummary("Read a case: type, assignees, recorded events and due dates for today.");

        group.MapPost("/{code}/cases/{caseRef}/events", async (string code, string caseRef, HttpContext http, CaseService service, CancellationToken ct) =>
            {
                var input = EventInput.Parse(await JsonBody.ReadObjectAsync(http.Request, ct));
                var view = await service.RecordEventAsync(code, caseRef, input, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(CaseView.From(view), view.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            })
            .WithSummary("Record an event on a case (idempotent on \"id\"); returns the recomputed due dates.");

        group.MapGet("/{code}/cases/{caseRef}/milestones", async (string code, string caseRef, CaseService service, CancellationToken ct) =>
            {
                var view = await service.GetAsync(code, caseRef, ct);
                return Results.Json(MilestonesDocument.From(view.Milestones), ContractJson.Options, "application/json; charset=utf-8");
            })
            .WithSummary("The case's due dates as {\"milestones\":[…]}, the same shape as the scheduler CLI prints.");
    }
}
