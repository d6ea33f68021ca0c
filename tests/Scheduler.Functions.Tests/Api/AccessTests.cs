using System.Net;
using Microsoft.Extensions.Logging;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The key matrix for every route group (docs/api.md, Access): no key or an unknown key → 401; a key for another
/// authority → 403 (it can neither read nor write); authority keys on operator routes → 403. Refusals are logged
/// without the body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessTests(AzuriteFixture azurite)
{
    private const string Secret = "SECRET-BODY-MARKER";

    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> Routes(string code) =>
    [
        (HttpMethod.Get, $"/api/authorities/{code}", null),
        (HttpMethod.Get, $"/api/authorities/{code}/episodes", null),
        (HttpMethod.Post, $"/api/authorities/{code}/episodes", new { report_received = "2017-09-04", note = Secret }),
        (HttpMethod.Get, $"/api/authorities/{code}/episodes/sif-2017-20170904", null),
        (HttpMethod.Post, $"/api/authorities/{code}/episodes/sif-2017-20170904/events", new { type = "action_plan_submitted", date = "2017-11-20", note = Secret }),
        (HttpMethod.Get, $"/api/authorities/{code}/episodes/sif-2017-20170904/calendar", null),
        (HttpMethod.Get, $"/api/authorities/{code}/calendar.ics", null),
        (HttpMethod.Post, $"/api/authorities/{code}/cases/CP-X", new { type = "CP", note = Secret }),
        (HttpMethod.Put, $"/api/authorities/{code}/cases/CP-X", new { type = "CP", note = Secret }),
        (HttpMethod.Get, $"/api/authorities/{code}/cases/CP-X", null),
        (HttpMethod.Post, $"/api/authorities/{code}/cases/CP-X/events", new { type = "strategy_discussion", date = "2017-12-13", note = Secret }),
        (HttpMethod.Get, $"/api/authorities/{code}/cases/CP-X/milestones", null),
        (HttpMethod.Get, $"/api/authorities/{code}/worklist?days=10", null),
        (HttpMethod.Post, $"/api/authorities/{code}/alerts/some-key/acknowledge", new { reason = Secret }),
        (HttpMethod.Get, $"/api/authorities/{code}/alerts/acknowledgements", null),
    ];

    private static IEnumerable<(HttpMethod Method, string Path, object? Body)> OperatorRoutes(string code) =>
    [
        (HttpMethod.Get, "/api/authorities", null),
        (HttpMethod.Put, $"/api/authorities/{code}", new { name = Secret }),
        (HttpMethod.Post, $"/api/authorities/{code}/keys", null),
        (HttpMethod.Delete, $"/api/authorities/{code}?purge=true", null),
        (HttpMethod.Post, "/api/ops/sweep", null),
        (HttpMethod.Get, "/api/ops/outbox", null),
    ];

    private static HttpRequestMessage Request((HttpMethod Method, string Path, object? Body) route, string? key)
    {
        var request = new HttpRequestMessage(route.Method, route.Path);
        if (route.Body is not null)
        {
            request.Content = TestApp.Json(route.Body);
        }

        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Keys_are_scoped_to_one_authority_on_every_route()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2018, 1, 2));
        var croydon = TestApp.NewAuthority("cr");
        var bromley = TestApp.NewAuthority("br");
        var croydonKey = await app.CreateAuthorityAsync(croydon);
        var bromleyKey = await app.CreateAuthorityAsync(bromley);
        using var client = app.Client();

        // Seed the victim's data so a leak would have something to show.
        using (var owner = app.Client(bromleyKey))
        {
            await TestApp.ReadAsync(await owner.PostAsync($"/api/authorities/{bromley}/episodes", TestApp.Json(new { report_received = "2017-09-04" })), HttpStatusCode.Created);
            await TestApp.ReadAsync(await owner.PostAsync($"/api/authorities/{bromley}/cases/CP-X", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        }

        foreach (var route in Routes(bromley))
        {
            var none = await client.SendAsync(Request(route, null));
            Assert.True(none.StatusCode == HttpStatusCode.Unauthorized, $"{route.Method} {route.Path} with no key gave {(int)none.StatusCode}");
            Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, "sk_not_a_real_key"))).StatusCode);
            var cross = await client.SendAsync(Request(route, croydonKey));
            Assert.True(cross.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Path} with another authority's key gave {(int)cross.StatusCode}");
            Assert.Equal("application/problem+json", cross.Content.Headers.ContentType?.MediaType);
            var own = await client.SendAsync(Request(route, bromleyKey));
            Assert.NotEqual(HttpStatusCode.Unauthorized, own.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, own.StatusCode);
            Assert.True((int)own.StatusCode < 500, $"{route.Method} {route.Path} with its own key gave {(int)own.StatusCode}");
        }

        foreach (var route in OperatorRoutes(bromley))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, null))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, "sk_not_a_real_key"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(route, bromleyKey))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(route, croydonKey))).StatusCode);
        }

        // Nothing the cross-authority key sent was written.
        using var op = app.Operator();
        var episode = await TestApp.ReadAsync(await op.GetAsync($"/api/authorities/{bromley}/episodes/sif-2017-20170904"), HttpStatusCode.OK);
        Assert.DoesNotContain(Secret, episode.ToJsonString(), StringComparison.Ordinal);
        var authority = await TestApp.ReadAsync(await op.GetAsync($"/api/authorities/{bromley}"), HttpStatusCode.OK);
        Assert.DoesNotContain(Secret, authority.ToJsonString(), StringComparison.Ordinal);

        // Refusals are logged with the route template, method, key id and status (docs/api.md), and never with the body.
        var refusals = app.Logs.Lines.Where(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Refused ", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, l => l.Message == "Refused POST /api/authorities/{code}/cases/{caseRef}: key (none), status 401");
        Assert.Contains(refusals, l => l.Message.StartsWith("Refused GET /api/authorities/{code}/cases/{caseRef}: key k-", StringComparison.Ordinal) && l.Message.EndsWith(", status 403", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Message.Contains(croydonKey, StringComparison.Ordinal) || l.Message.Contains(bromleyKey, StringComparison.Ordinal));
    }
}
