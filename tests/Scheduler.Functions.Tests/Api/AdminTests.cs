using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using NodaTime;
using Scheduler.Application.Audit;
using Scheduler.Application.Authorities;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Api;

/// <summary>Authorities, keys, acknowledgements, purge, the audit log and the OpenAPI document.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdminTests(AzuriteFixture azurite)
{
    private const string ApiCallerOperator = "operator";

    private static readonly LocalDate Today = new(2018, 1, 2);

    [Fact]
    public async Task Authority_put_validates_and_keys_are_stored_hashed()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var op = app.Operator();
        var path = $"/api/authorities/{code}";
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { contacts = new { } })), HttpStatusCode.BadRequest, "name");
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { name = "X", contacts = new { ZZZ = "a@b.example" } })), HttpStatusCode.BadRequest, "contacts.ZZZ");
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { name = "X", parameters = new { cp_visit_interval_working_days = 0 } })), HttpStatusCode.BadRequest, "parameters.cp_visit_interval_working_days");
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { name = "X", parameters = new { local_practice_rules = new[] { "action_plan_submission" } } })), HttpStatusCode.BadRequest, "parameters.local_practice_rules[action_plan_submission]");
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { name = "X", closure_days = new[] { "2050-01-01" } })), HttpStatusCode.BadRequest, "closure_days[0]");
        await TestApp.AssertProblemAsync(await op.PutAsync("/api/authorities/Not_Valid", TestApp.Json(new { name = "X" })), HttpStatusCode.BadRequest, "code");
        await TestApp.AssertProblemAsync(await op.PutAsync(path, TestApp.Json(new { name = "X", escalation_policy = new { groups = new { ChildProtection = new { leadWorkingDays = -2 } } } })), HttpStatusCode.BadRequest, "escalation_policy.groups.ChildProtection.leadWorkingDays");

        // Nothing was written by the refused PUTs.
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync(path)).StatusCode);

        var created = await TestApp.ReadAsync(await op.PutAsync(path, TestApp.Json(new
        {
            name = "Test LA",
            contacts = new Dictionary<string, object> { ["PO"] = new[] { "po@la.example", "po2@la.example" }, ["DCS"] = "dcs@la.example" },
            parameters = new { cp_visit_interval_working_days = 15 },
            closure_days = new[] { "2017-12-27" },
            escalation_policy = new { groups = new { ChildProtection = new { leadWorkingDays = 3 } } },
        })), HttpStatusCode.Created);
        Assert.Equal("po2@la.example", created["contacts"]!["PO"]![1]!.GetValue<string>());
        Assert.Equal("dcs@la.example", created["contacts"]!["DCS"]![0]!.GetValue<string>());
        Assert.Equal(3, created["escalation_policy"]!["groups"]!["ChildProtection"]!["leadWorkingDays"]!.GetValue<int>());
        Assert.Equal(15, created["parameters"]!["cp_visit_interval_working_days"]!.GetValue<int>());
        Assert.Equal("2017-12-27", created["closure_days"]![0]!.GetValue<string>());

        // Replacing answers 200.
        var replaced = await TestApp.ReadAsync(await op.PutAsync(path, TestApp.Json(new { name = "Test LA", contacts = new { PO = "po@la.example" } })), HttpStatusCode.OK);
        Assert.Equal(2, replaced["version"]!.GetValue<long>());

        var issued = await TestApp.ReadAsync(await op.PostAsync($"{path}/keys", null), HttpStatusCode.Created);
        var key = issued["key"]!.GetValue<string>();
        Assert.Equal(code, issued["authority"]!.GetValue<string>());
        Assert.StartsWith("k-", issued["key_id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(issued["created_at"]);
        using var client = app.Client(key);
        Assert.Equal("Test LA", (await TestApp.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK))["name"]!.GetValue<string>());

        var tables = app.Service<SchedulerTables>();
        var stored = new List<string>();
        await foreach (var row in tables.ApiKeys.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Authority eq {code}")))
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
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-AUD", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-AUD/events", TestApp.Json(new { type = "strategy_discussion", date = "2017-12-13" })), HttpStatusCode.Created);
        // The initial conference: 15 working days after Wed 13 Dec 2017 (25, 26 Dec and 1 Jan are bank holidays) is Mon 8 Jan 2018.
        const string milestone = "case.CP-AUD.icpc_15wd.1.1";
        var acknowledged = await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/milestones/{milestone}/acknowledge", TestApp.Json(new { reason = "Conference booked", until = "2018-01-10" })), HttpStatusCode.Created);
        Assert.Equal(milestone, acknowledged["milestone_key"]!.GetValue<string>());
        Assert.Equal("2018-01-10", acknowledged["until"]!.GetValue<string>());
        Assert.Equal("2018-01-02", acknowledged["on"]!.GetValue<string>());
        Assert.Equal("2018-01-08", acknowledged["due"]!.GetValue<string>());

        var listed = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/alerts/acknowledgements"), HttpStatusCode.OK);
        Assert.Equal("Conference booked", Assert.Single(listed["acknowledgements"]!.AsArray())!["reason"]!.GetValue<string>());

        var audit = app.Service<IAuditLog>();
        var entries = new List<AuditEntry>();
        await foreach (var e in audit.ReadMonthAsync(code, app.Clock.GetCurrentInstant(), default))
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
        Assert.Equal(app.Clock.GetCurrentInstant(), recorded.At);
        var ack = entries.Single(e => e.Operation == "milestone.acknowledged");
        Assert.Equal(milestone, ack.EntityKey);
        Assert.Contains("Conference booked", ack.After!, StringComparison.Ordinal);

        // All written at the same pinned instant, so only check the month partition holds exactly what was written.
        Assert.Equal(5, entries.Count);

        var stored = await app.Service<IAcknowledgementStore>().GetAsync(code, milestone, default);
        Assert.NotNull(stored);
        Assert.Equal(new LocalDate(2018, 1, 10), stored.Until);
        Assert.Equal(new LocalDate(2018, 1, 2), stored.On);
        Assert.Equal(new LocalDate(2018, 1, 8), stored.Due);
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/milestones/{milestone}/acknowledge", TestApp.Json(new { })), HttpStatusCode.BadRequest, "reason");
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/milestones/{milestone}/acknowledge", TestApp.Json(new { reason = "x", until = "2017-01-01" })), HttpStatusCode.BadRequest, "until");
    }

    [Fact]
    public async Task Purge_deletes_the_authoritys_data_and_keys_and_is_audited()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        using (var client = app.Client(key))
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-P", TestApp.Json(new { type = "CP", events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } } })), HttpStatusCode.Created);
        }

        var tables = app.Service<SchedulerTables>();
        await tables.AlertLedger.AddEntityAsync(new TableEntity(code, "alert-1") { ["Status"] = "sent" });

        using var op = app.Operator();
        await TestApp.AssertProblemAsync(await op.DeleteAsync($"/api/authorities/{code}"), HttpStatusCode.BadRequest, "purge");
        Assert.Equal(HttpStatusCode.OK, (await op.GetAsync($"/api/authorities/{code}")).StatusCode);
        var purged = await TestApp.ReadAsync(await op.DeleteAsync($"/api/authorities/{code}?purge=true"), HttpStatusCode.OK);
        Assert.True(purged["purged"]!.GetValue<bool>());
        Assert.Equal(1, purged["deleted"]!["Cases"]!.GetValue<int>());
        Assert.True(purged["deleted"]!["DueIndex"]!.GetValue<int>() >= 1);
        Assert.Equal(1, purged["deleted"]!["AlertLedger"]!.GetValue<int>());
        Assert.Equal(1, purged["deleted"]!["ApiKeys"]!.GetValue<int>());
        Assert.True(purged["deleted"]!["AuditLog"]!.GetValue<int>() >= 2); // the authority's creation and the case's
        Assert.False((await tables.AlertLedger.GetEntityIfExistsAsync<TableEntity>(code, "alert-1")).HasValue);

        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/api/authorities/{code}")).StatusCode);
        using (var client = app.Client(key))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        var index = app.Service<IDueIndexStore>();
        await foreach (var row in index.ReadOpenAsync(new LocalDate(2040, 12, 31), default))
        {
            Assert.False(row.Authority == code, $"Index row left after purge: {row.Key.Compact}");
        }

        await foreach (var left in index.ListKeysAsync(code, default))
        {
            Assert.Fail($"Index row left after purge: {left}");
        }

        // Only the record of the purge itself is left, and it names the authority, not its contacts.
        var audit = app.Service<IAuditLog>();
        var remaining = new List<AuditEntry>();
        await foreach (var e in audit.ReadMonthAsync(code, app.Clock.GetCurrentInstant(), default))
        {
            remaining.Add(e);
        }

        var purge = Assert.Single(remaining);
        Assert.Equal(("authority.purged", "operator"), (purge.Operation, purge.Actor));
        Assert.DoesNotContain("@", purge.Before ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(code, purge.Before ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        using var client = app.Client();
        var doc = await TestApp.ReadAsync(await client.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/authorities/{code}/episodes/{id}/calendar", paths);
        Assert.Contains("/api/authorities/{code}/cases/{caseRef}/events", paths);
        Assert.Contains("/api/authorities/{code}/calendar.ics", paths);
        Assert.Contains("/api/ops/sweep", paths);
        var health = await TestApp.ReadAsync(await client.GetAsync("/health"), HttpStatusCode.OK);
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        _ = doc["openapi"]!.GetValue<string>();
        Assert.IsType<JsonObject>(doc["info"]);
    }
}
