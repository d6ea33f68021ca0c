using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Functions.State;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>Authorities, keys, acknowledgements, purge, the audit log and the OpenAPI document.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiApp _app = new(azurite, "2018-01-02");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Authority_put_validates_and_keys_are_stored_hashed()
    {
        var code = ApiApp.NewAuthority();
        using var op = _app.Operator();
        var path = $"/api/authorities/{code}";
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { contacts = new { } })), HttpStatusCode.BadRequest, "name");
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { name = "X", contacts = new { ZZZ = "a@b.example" } })), HttpStatusCode.BadRequest, "contacts.ZZZ");
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { name = "X", parameters = new { cp_visit_interval_working_days = 0 } })), HttpStatusCode.BadRequest, "parameters.cp_visit_interval_working_days");
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { name = "X", parameters = new { local_practice_rules = new[] { "action_plan_submission" } } })), HttpStatusCode.BadRequest, "parameters.local_practice_rules[action_plan_submission]");
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { name = "X", closure_days = new[] { "2050-01-01" } })), HttpStatusCode.BadRequest, "closure_days[0]");
        await ApiApp.AssertProblemAsync(await op.PutAsync("/api/authorities/Not_Valid", ApiApp.Json(new { name = "X" })), HttpStatusCode.BadRequest, "code");
        await ApiApp.AssertProblemAsync(await op.PutAsync(path, ApiApp.Json(new { name = "X", escalation_policy = new { groups = new { ChildProtection = new { leadWorkingDays = -2 } } } })), HttpStatusCode.BadRequest, "escalation_policy.groups.ChildProtection.leadWorkingDays");

        var created = await ApiApp.ReadAsync(await op.PutAsync(path, ApiApp.Json(new
        {
            name = "Test LA",
            contacts = new Dictionary<string, object> { ["PO"] = new[] { "po@la.example", "po2@la.example" }, ["DCS"] = "dcs@la.example" },
            parameters = new { cp_visit_interval_working_days = 15 },
            closure_days = new[] { "2017-12-27" },
            escalation_policy = new { groups = new { ChildProtection = new { leadWorkingDays = 3 } } },
        })), HttpStatusCode.Created);
        Assert.Equal("po2@la.example", created["contacts"]!["PO"]![1]!.GetValue<string>());
        Assert.Equal(3, created["escalation_policy"]!["groups"]!["ChildProtection"]!["leadWorkingDays"]!.GetValue<int>());
        Assert.Equal(15, created["parameters"]!["cp_visit_interval_working_days"]!.GetValue<int>());

        var issued = await ApiApp.ReadAsync(await op.PostAsync($"{path}/keys", null), HttpStatusCode.Created);
        var key = issued["key"]!.GetValue<string>();
        using var client = _app.WithKey(key);
        Assert.Equal("Test LA", (await ApiApp.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK))["name"]!.GetValue<string>());

        var tables = _app.Service<SchedulerTables>();
        var stored = new List<string>();
        await foreach (var row in tables.ApiKeys.QueryAsync(Scheduler.Functions.Storage.TableFilter.Equal("Authority", code)))
        {
            stored.Add(string.Join(";", row.Select(p => p.Value?.ToString())) + row.PartitionKey);
        }

        Assert.Single(stored);
        Assert.DoesNotContain(key, stored[0], StringComparison.Ordinal);
        Assert.Contains(ApiKeyHasher.Hash(key), stored[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_change_is_audited_with_who_what_when_and_before_and_after()
    {
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-AUD", ApiApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-AUD/events", ApiApp.Json(new { type = "strategy_discussion", date = "2017-12-13" })), HttpStatusCode.Created);
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/alerts/case.x.CP-AUD.icpc_15wd.1.20180108.due-0.CPC/acknowledge", ApiApp.Json(new { reason = "Conference booked", expires = "2018-01-10" })), HttpStatusCode.Created);

        var audit = _app.Service<AuditLog>();
        var entries = new List<AuditEntry>();
        await foreach (var e in audit.ReadMonthAsync(code, _app.Service<IClock>().GetCurrentInstant(), default))
        {
            entries.Add(e);
        }

        Assert.Contains(entries, e => e.Operation == "authority.created" && e.Actor == ApiCallerOperator && e.Before is null && e.After!.Contains("Test authority", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Operation == "api-key.issued" && e.Actor == ApiCallerOperator);
        var created = entries.Single(e => e.Operation == "case.created");
        Assert.Null(created.Before);
        Assert.StartsWith("k-", created.Actor, StringComparison.Ordinal);
        var recorded = entries.Single(e => e.Operation == "case.event.recorded");
        Assert.Equal("CP-AUD", recorded.EntityKey);
        Assert.DoesNotContain("strategy_discussion", recorded.Before!, StringComparison.Ordinal);
        Assert.Contains("strategy_discussion", recorded.After!, StringComparison.Ordinal);
        Assert.Equal(_app.Service<IClock>().GetCurrentInstant(), recorded.At);
        var ack = entries.Single(e => e.Operation == "alert.acknowledged");
        Assert.Contains("Conference booked", ack.After!, StringComparison.Ordinal);

        // Newest first within the month partition (inverted ticks); all written at the same pinned instant here,
        // so only check the partition holds exactly what was written.
        Assert.Equal(5, entries.Count);

        var stored = await _app.Service<AcknowledgementStore>().GetAsync(code, "case.x.CP-AUD.icpc_15wd.1.20180108.due-0.CPC", default);
        Assert.NotNull(stored);
        Assert.Equal(new LocalDate(2018, 1, 10), stored.Expires);
        Assert.Equal(new LocalDate(2018, 1, 2), stored.On);
        await ApiApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/alerts/k/acknowledge", ApiApp.Json(new { })), HttpStatusCode.BadRequest, "reason");
        await ApiApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/alerts/k/acknowledge", ApiApp.Json(new { reason = "x", expires = "2017-01-01" })), HttpStatusCode.BadRequest, "expires");
    }

    private const string ApiCallerOperator = "operator";

    [Fact]
    public async Task Purge_deletes_the_authoritys_data_and_keys_and_is_audited()
    {
        var code = ApiApp.NewAuthority();
        var key = await _app.CreateAuthorityAsync(code);
        using (var client = _app.WithKey(key))
        {
            await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-P", ApiApp.Json(new { type = "CP", events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } } })), HttpStatusCode.Created);
        }

        var tables = _app.Service<SchedulerTables>();
        await tables.AlertLedger.CreateIfNotExistsAsync(default);
        await tables.AlertLedger.AddEntityAsync(new Scheduler.Functions.Storage.TableEntity(code, "alert-1") { ["Status"] = "sent" }, default);

        using var op = _app.Operator();
        await ApiApp.AssertProblemAsync(await op.DeleteAsync($"/api/authorities/{code}"), HttpStatusCode.BadRequest, "purge");
        var purged = await ApiApp.ReadAsync(await op.DeleteAsync($"/api/authorities/{code}?purge=true"), HttpStatusCode.OK);
        Assert.Equal(1, purged["deleted"]!["Cases"]!.GetValue<int>());
        Assert.True(purged["deleted"]!["DueIndex"]!.GetValue<int>() >= 1);
        Assert.Equal(1, purged["deleted"]!["AlertLedger"]!.GetValue<int>());
        Assert.True(purged["deleted"]!["AuditLog"]!.GetValue<int>() >= 2); // the authority's creation and the case's
        Assert.Null(await tables.AlertLedger.GetEntityIfExistsAsync(code, "alert-1", cancellationToken: default));

        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/authorities/{code}")).StatusCode);
        using (var client = _app.WithKey(key))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        var reader = _app.Service<DueIndexReader>();
        await foreach (var row in reader.ReadOpenAsync(code, new LocalDate(2040, 12, 31), default))
        {
            Assert.Fail($"Index row left after purge: {row.Key.Compact}");
        }

        // Only the record of the purge itself is left, and it names the authority, not its contacts.
        var audit = _app.Service<AuditLog>();
        var left = new List<AuditEntry>();
        await foreach (var e in audit.ReadMonthAsync(code, _app.Service<IClock>().GetCurrentInstant(), default))
        {
            left.Add(e);
        }

        var purge = Assert.Single(left);
        Assert.Equal(("authority.purged", "operator"), (purge.Operation, purge.Actor));
        Assert.DoesNotContain("@", purge.Before ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        using var client = _app.Anonymous();
        var doc = await ApiApp.ReadAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/authorities/{code}/episodes/{id}/calendar", paths);
        Assert.Contains("/api/authorities/{code}/cases/{caseRef}/events", paths);
        Assert.Contains("/api/authorities/{code}/calendar.ics", paths);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        _ = doc["openapi"]!.GetValue<string>();
        Assert.IsType<JsonObject>(doc["info"]);
    }
}
