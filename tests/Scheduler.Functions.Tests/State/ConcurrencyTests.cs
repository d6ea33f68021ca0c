using System.Net;
using Scheduler.Application.Ports;
using Scheduler.Domain.Alerts;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.State;

/// <summary>Optimistic concurrency on subject rows: a stale write is refused, and concurrent event recording loses nothing.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ConcurrencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite, new NodaTime.LocalDate(2018, 1, 2));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_write_based_on_a_stale_read_is_refused()
    {
        var code = TestApp.NewAuthority();
        using var client = _app.Client(await _app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-S", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);

        var store = _app.Service<ISubjectStore>();
        var first = (await store.GetAsync(SubjectKind.Case, code, "CP-S", default))!;
        var second = (await store.GetAsync(SubjectKind.Case, code, "CP-S", default))!;
        await store.ReplaceAsync(first with { Version = first.Version + 1 }, default);
        var refused = await Assert.ThrowsAsync<StoreConflictException>(() => store.ReplaceAsync(second with { Version = second.Version + 1 }, default));
        Assert.False(refused.AlreadyExists);
        Assert.Equal(first.Version + 1, (await store.GetAsync(SubjectKind.Case, code, "CP-S", default))!.Version);
    }

    [Fact]
    public async Task Concurrent_event_recording_loses_no_update()
    {
        var code = TestApp.NewAuthority();
        using var client = _app.Client(await _app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-C", TestApp.Json(new
        {
            type = "CP",
            events = new object[] { new { type = "strategy_discussion", date = "2017-09-01" }, new { type = "icpc_held", date = "2017-09-20" } },
        })), HttpStatusCode.Created);

        // Ten visits on ten different days, posted at once: each writer re-reads and retries on 412.
        var dates = Enumerable.Range(0, 10).Select(i => new NodaTime.LocalDate(2017, 10, 2).PlusDays(i)).ToList();
        var responses = await Task.WhenAll(dates.Select(d =>
            client.PostAsync($"/api/authorities/{code}/cases/CP-C/events", TestApp.Json(new { type = "cp_visit_made", date = d.ToString("uuuu-MM-dd", null) }))));
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-C"), HttpStatusCode.OK);
        Assert.Equal(12, read["events"]!.AsArray().Count);
        Assert.Equal(11, read["version"]!.GetValue<long>());
        var recorded = read["events"]!.AsArray().Select(e => e!["event"]!["date"]!.GetValue<string>()).ToHashSet();
        Assert.All(dates, d => Assert.Contains(d.ToString("uuuu-MM-dd", null), recorded));

        // The conflicts really happened (otherwise this test proves nothing about retries).
        Assert.Contains(_app.Logs.Lines, l => l.Message.Contains("Concurrent write", StringComparison.Ordinal) && l.Message.Contains("CP-C", StringComparison.Ordinal));
    }
}
