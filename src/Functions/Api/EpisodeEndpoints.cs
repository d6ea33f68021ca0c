using Scheduler.Contracts;
using Scheduler.Functions.Application;

namespace Scheduler.Functions.Api;

/// <summary><c>/api/authorities/{code}/episodes[/{id}[/events|/calendar]]</c>.</summary>
public static class EpisodeEndpoints
{
    /// <summary>Maps the routes on the guarded <c>/api/authorities</c> group.</summary>
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{code}/episodes", async (string code, EpisodeService service, CancellationToken ct) =>
                ApiJson.Result(new { episodes = (await service.ListAsync(code, ct)).Select(EpisodeView.From) }))
            .WithSummary("List the authority's oversight episodes with their calendars.");

        group.MapPost("/{code}/episodes", async (string code, HttpContext http, EpisodeService service, CancellationToken ct) =>
            {
                var body = await JsonBody.ReadObjectAsync(http.Request, ct);
                var view = await service.CreateAsync(code, body, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(EpisodeView.From(view), StatusCodes.Status201Created);
            })
            .WithSummary("Create an oversight episode from an inspection report; returns the computed calendar.");

        group.MapGet("/{code}/episodes/{id}", async (string code, string id, EpisodeService service, CancellationToken ct) =>
                ApiJson.Result(EpisodeView.From(await service.GetAsync(code, id, ct))))
            .WithSummary("Read an episode: facts, recorded events and milestones for today.");

        group.MapPost("/{code}/episodes/{id}/events", async (string code, string id, HttpContext http, EpisodeService service, CancellationToken ct) =>
            {
                var input = EventInput.Parse(await JsonBody.ReadObjectAsync(http.Request, ct));
                var view = await service.RecordEventAsync(code, id, input, AuthorityAccess.Caller(http).KeyId, ct);
                return ApiJson.Result(EpisodeView.From(view), view.Changed ? StatusCodes.Status201Created : StatusCodes.Status200OK);
            })
            .WithSummary("Record an event on an episode (idempotent on \"id\"); returns the recomputed calendar.");

        group.MapGet("/{code}/episodes/{id}/calendar", async (string code, string id, EpisodeService service, CancellationToken ct) =>
            {
                var view = await service.GetAsync(code, id, ct);
                return Results.Json(MilestonesDocument.From(view.Milestones), ContractJson.Options, "application/json; charset=utf-8");
            })
            .WithSummary("The episode's calendar as {\"milestones\":[…]}, the same shape as the scheduler CLI prints.");
    }
}
