using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduler.Application.Audit;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Api;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// Bounded sizes (docs/api.md, "Limits"): a subject holds at most 500 events and a 501st is a 409; the largest
/// allowed subject's row and its audit rows stay far below the 1 MiB entity limit; and no write leaves a subject
/// without its audit row, even when the audit write fails after the subject row was written.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SubjectBoundsTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly LocalDate Today = new(2018, 4, 3);

    private readonly CaseEventsQueue _queue = new(azurite);

    /// <summary>The audit log, failing once for the entry with an armed key (so after its subject row was written).</summary>
    private sealed class FailingAuditLog(AuditLog inner) : IAuditLog
    {
        private readonly Lock _lock = new();
        private string? _failFor;

        public void FailOnce(string key)
        {
            lock (_lock)
            {
                _failFor = key;
            }
        }

        public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (entry.Key is not null && string.Equals(entry.Key, _failFor, StringComparison.Ordinal))
                {
                    _failFor = null;
                    throw new Azure.RequestFailedException(503, "The audit table is unavailable (injected).");
                }
            }

            return inner.AppendAsync(entry, cancellationToken);
        }

        public IAsyncEnumerable<AuditEntry> ReadMonthAsync(string authority, Instant month, CancellationToken cancellationToken) =>
            inner.ReadMonthAsync(authority, month, cancellationToken);
    }

    private static Task<TestApp> StartWithFailingAuditAsync(AzuriteFixture azurite) =>
        TestApp.StartAsync(azurite, Today, services: services =>
        {
            services.AddSingleton<AuditLog>();
            services.AddSingleton(sp => new FailingAuditLog(sp.GetRequiredService<AuditLog>()));
            services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => sp.GetRequiredService<FailingAuditLog>()));
        });

    private static async Task<List<AuditEntry>> AuditAsync(TestApp app, string code)
    {
        var rows = new List<AuditEntry>();
        await foreach (var entry in app.Service<IAuditLog>().ReadMonthAsync(code, app.Clock.GetCurrentInstant(), default))
        {
            rows.Add(entry);
        }

        return rows;
    }

    private TableClient Table(TestApp app, string name) => azurite.CreateTableServiceClient().GetTableClient(app.TablePrefix + name);

    [Fact]
    public async Task The_largest_allowed_case_stays_far_below_the_entity_limit_and_the_501st_event_is_a_409()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));

        // The longest event ids (128 characters) on the event type with the most fields, one placement a day:
        // each placement brings its own visit schedule, so this is the row with the most milestones too.
        var start = new LocalDate(2016, 1, 4);
        object Placement(int i) => new
        {
            id = $"{i:D4}-" + new string('x', 123),
            type = "placement_started",
            date = NodaTime.Text.LocalDatePattern.Iso.Format(start.PlusDays(i)),
            kind = i % 2 == 0 ? "interim_care_order_with_parent" : "connected_person_reg_24",
            child_agrees = true,
        };

        var initial = new List<object> { new { id = "lac-" + new string('y', 124), type = "became_looked_after", date = "2016-01-04" } };
        initial.AddRange(Enumerable.Range(0, 199).Select(Placement));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/LAC-MAX", TestApp.Json(new { type = "LAC", events = initial })), HttpStatusCode.Created);
        for (var i = 199; i < 499; i++)
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/LAC-MAX/events", TestApp.Json(Placement(i))), HttpStatusCode.Created);
        }

        var full = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/LAC-MAX"), HttpStatusCode.OK);
        Assert.Equal(500, full["events"]!.AsArray().Count);

        var reason = await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/cases/LAC-MAX/events", TestApp.Json(Placement(499))), HttpStatusCode.Conflict, "events");
        Assert.Contains("500", reason, StringComparison.Ordinal);

        // A replay of a recorded event is still recognised at the limit.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/authorities/{code}/cases/LAC-MAX/events", TestApp.Json(Placement(10)))).StatusCode);

        var row = (await Table(app, TableNames.Cases).GetEntityAsync<TableEntity>(code, "LAC-MAX")).Value;
        var rowSize = EntitySize.Of(row);
        Assert.True(rowSize < EntitySize.Limit / 2, $"the largest case row is {rowSize:N0} bytes");

        var largestAudit = 0L;
        await foreach (var entity in Table(app, TableNames.AuditLog).QueryAsync<TableEntity>())
        {
            largestAudit = Math.Max(largestAudit, EntitySize.Of(entity));
        }

        Assert.True(largestAudit < EntitySize.Limit / 4, $"the largest audit row is {largestAudit:N0} bytes");
        output.WriteLine($"Largest allowed case: row {rowSize:N0} bytes, largest audit row {largestAudit:N0} bytes (limit {EntitySize.Limit:N0}).");
        var eventRows = (await AuditAsync(app, code)).Where(e => e.Operation == "case.event.recorded").ToList();
        Assert.Equal(300, eventRows.Count);
        Assert.All(eventRows, e => Assert.True(e.After!.Length < 1_000, $"an event's audit row holds {e.After.Length} characters"));
    }

    [Fact]
    public async Task An_audit_write_that_fails_after_the_subject_row_is_repaired_by_the_next_write_once()
    {
        await using var app = await StartWithFailingAuditAsync(azurite);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-AUD", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        var events = $"/api/authorities/{code}/cases/CP-AUD/events";

        // The row is written, then the audit write fails: the request fails (a server error, not a refusal).
        app.Service<FailingAuditLog>().FailOnce("case|CP-AUD|v2");
        var failed = await client.PostAsync(events, TestApp.Json(new { id = "e-1", type = "strategy_discussion", date = "2017-12-13" }));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var stored = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-AUD"), HttpStatusCode.OK);
        Assert.Equal(2, stored["version"]!.GetValue<long>());
        Assert.DoesNotContain(await AuditAsync(app, code), e => e.Key == "case|CP-AUD|v2");

        // The client retries (same id): nothing new is recorded, and the missing audit row is written.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(events, TestApp.Json(new { id = "e-1", type = "strategy_discussion", date = "2017-12-13" }))).StatusCode);
        Assert.Single(await AuditAsync(app, code), e => e.Key == "case|CP-AUD|v2");

        // The next write writes its own, and never a second copy of the repaired one.
        await TestApp.ReadAsync(await client.PostAsync(events, TestApp.Json(new { id = "e-2", type = "icpc_held", date = "2017-12-29" })), HttpStatusCode.Created);
        var rows = await AuditAsync(app, code);
        Assert.Single(rows, e => e.Key == "case|CP-AUD|v2");
        Assert.Single(rows, e => e.Key == "case|CP-AUD|v3");
        Assert.Single(rows, e => e.Key == "case|CP-AUD|v1");
        var repaired = rows.Single(e => e.Key == "case|CP-AUD|v2");
        Assert.Equal("case.event.recorded", repaired.Operation);
        Assert.Contains("strategy_discussion", repaired.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queue_message_whose_audit_write_failed_is_redelivered_and_the_redelivery_writes_the_audit_row()
    {
        await _queue.DrainAsync();
        await using var app = await StartWithFailingAuditAsync(azurite);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-QAU", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);

        app.Service<FailingAuditLog>().FailOnce("case|CP-QAU|v2");
        var first = await _queue.SendAndReceiveAsync(Envelopes.For("q-1", code, "case", "CP-QAU", new { type = "strategy_discussion", date = "2017-12-13" }));
        var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => function.RunAsync(first, CancellationToken.None));
        Assert.Empty(await _queue.PoisonedAsync());
        Assert.DoesNotContain(await AuditAsync(app, code), e => e.Key == "case|CP-QAU|v2");

        await _queue.ReleaseAsync(first);
        var second = await _queue.ReceiveAsync();
        await function.RunAsync(second, CancellationToken.None);
        await _queue.CompleteAsync(second);
        var rows = await AuditAsync(app, code);
        var repaired = Assert.Single(rows, e => e.Key == "case|CP-QAU|v2");
        Assert.Equal("queue:case-events", repaired.Actor);
        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-QAU"), HttpStatusCode.OK);
        Assert.Single(read["events"]!.AsArray());
    }
}
