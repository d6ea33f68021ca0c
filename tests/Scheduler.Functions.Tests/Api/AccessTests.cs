using System.Net;
using Microsoft.Extensions.Logging;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The key matrix for every route group: no key or an unknown key → 401; a key for another authority → 403 (it
/// can neither read nor write); authority keys on operator routes → 403. Refusals are logged without the body.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AccessTests(AzuriteFixture azurite) : IDisposable
{
    private const string Secret = "SECRET-BODY-MARKER";
    private readonly ApiApp _app = new(azurite, "2018-01-02");

    public void Dispose() => _app.Dispose();

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
    ];

    private static HttpRequestMessage Request((HttpMethod Method, string Path, object? Body) route, string? key)
    {
        var request = new HttpRequestMessage(route.Method, route.Path);
        if (route.Body is not null)
        {
            request.Content = ApiApp.Json(route.Body);
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
        var croydon = ApiApp.NewAuthority("cr");
        var bromley = ApiApp.NewAuthority("br");
        var croydonKey = await _app.CreateAuthorityAsync(croydon);
        var bromleyKey = await _app.CreateAuthorityAsync(bromley);
        using var client = _app.Anonymous();

        // Seed the victim's data so a leak would have something to show.
        using (var owner = _app.WithKey(bromleyKey))
        {
            await ApiApp.ReadAsync(await owner.PostAsync($"/api/authorities/{bromley}/episodes", ApiApp.Json(new { report_received = "2017-09-04" })), HttpStatusCode.Created);
            await ApiApp.ReadAsync(await owner.PostAsync($"/api/authorities/{bromley}/cases/CP-X", ApiApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        }

        foreach (var route in Routes(bromley))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, null))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, "sk_not_a_real_key"))).StatusCode);
            var cross = await client.SendAsync(Request(route, croydonKey));
            Assert.True(cross.StatusCode == HttpStatusCode.Forbidden, $"{route.Method} {route.Path} with another authority's key gave {(int)cross.StatusCode}");
            Assert.Equal("application/problem+json", cross.Content.Headers.ContentType?.MediaType);
            var own = await client.SendAsync(Request(route, bromleyKey));
            Assert.NotEqual(HttpStatusCode.Unauthorized, own.StatusCode);
            Assert.NotEqual(HttpStatusCode.Forbidden, own.StatusCode);
        }

        foreach (var route in OperatorRoutes(bromley))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Request(route, null))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(route, bromleyKey))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Request(route, croydonKey))).StatusCode);
        }

        // Nothing the cross-authority key sent was written.
        using var op = _app.Operator();
        var episode = await ApiApp.ReadAsync(await op.GetAsync($"/api/authorities/{bromley}/episodes/sif-2017-20170904"), HttpStatusCode.OK);
        Assert.DoesNotContain(Secret, episode.ToJsonString(), StringComparison.Ordinal);

        // Refusals are logged with path, method, key id and status, and never with the body.
        var refusals = _app.Logs.Lines.Where(l => l.Category.EndsWith("AuthorityAccess", StringComparison.Ordinal)).ToList();
        Assert.Contains(refusals, l => l.Level == LogLevel.Warning && l.Message.Contains("401", StringComparison.Ordinal) && l.Message.Contains($"/api/authorities/{bromley}/cases/CP-X", StringComparison.Ordinal));
        Assert.Contains(refusals, l => l.Message.Contains("403", StringComparison.Ordinal) && l.Message.Contains("k-", StringComparison.Ordinal));
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal));
    }
}
