using System.Net;
using Azure.Data.Tables;
using NodaTime;
using Scheduler.Application.Ports;
using Scheduler.Application.Subjects.DueIndex;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.State;

/// <summary>The due-date index: one row per open milestone keyed by effective date, maintained on every write and repairable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DueIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 1));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<DueIndexRow>> ReadAsync(string code, LocalDate through)
    {
        var rows = new List<DueIndexRow>();
        await foreach (var row in _app.Service<IDueIndexStore>().ReadOpenAsync(through, default))
        {
            if (row.Authority == code)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    [Fact]
    public async Task Rows_are_keyed_by_effective_date_and_follow_the_subject()
    {
        var code = TestApp.NewAuthority();
        using var client = _app.Client(await _app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(new { report_received = "2017-09-04", report_published = "2017-09-04" })), HttpStatusCode.Created);

        var rows = await ReadAsync(code, new LocalDate(2017, 12, 31));
        var plan = rows.Single(r => r.Rule == "action_plan_submission");

        // 70 working days after publication on 4 September 2017 is Monday 11 December 2017.
        Assert.Equal("2017-12-11", plan.Key.PartitionKey);
        Assert.Equal($"{code}|episode|sif-2017-20170904|action_plan_submission|001", plan.Key.RowKey);
        Assert.Equal(new LocalDate(2017, 12, 11), plan.Effective);
        Assert.Contains(Role.DCS, plan.Audience);
        Assert.Equal(1, plan.SubjectVersion);

        // The range read is by date: nothing after "through" comes back.
        Assert.All(await ReadAsync(code, new LocalDate(2017, 12, 4)), r => Assert.True(r.Effective <= new LocalDate(2017, 12, 4)));
        Assert.DoesNotContain(await ReadAsync(code, new LocalDate(2017, 12, 10)), r => r.Rule == "action_plan_submission");

        // Meeting the milestone removes its row; the subject row lists the removed key as retired.
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes/sif-2017-20170904/events", TestApp.Json(new { type = "action_plan_submitted", date = "2017-11-20" })), HttpStatusCode.Created);
        var after = await ReadAsync(code, new LocalDate(2017, 12, 31));
        Assert.DoesNotContain(after, r => r.Rule == "action_plan_submission");
        Assert.NotEmpty(after);
        Assert.All(after, r => Assert.Equal(2, r.SubjectVersion));
        var subject = (await _app.Service<ISubjectStore>().GetAsync(SubjectKind.Episode, code, "sif-2017-20170904", default))!;
        Assert.Contains(plan.Key.Compact, subject.RetiredIndexKeys);
        Assert.DoesNotContain(plan.Key.Compact, subject.IndexKeys);
    }

    [Fact]
    public async Task Case_rows_carry_the_assignees_and_reindex_repairs_missing_and_orphan_rows()
    {
        var code = TestApp.NewAuthority();
        using var client = _app.Client(await _app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-I", TestApp.Json(new
        {
            type = "CP",
            assignees = new { CPC = "chair@example.org", TM = "tm@example.org" },
            events = new[] { new { type = "strategy_discussion", date = "2017-11-20" } },
        })), HttpStatusCode.Created);

        var rows = await ReadAsync(code, new LocalDate(2018, 12, 31));
        var icpc = rows.Single(r => r.Rule == "icpc_15wd");
        Assert.Equal(SubjectKind.Case, icpc.SubjectKind);
        Assert.Equal("chair@example.org", icpc.Assignees[Role.CPC]);
        Assert.Equal(new LocalDate(2017, 12, 11), icpc.Effective); // 20 Nov 2017 + 15 working days

        // Simulate a crash between subject write and index sync: one row missing, one orphan left behind.
        var table = _app.Service<SchedulerTables>().DueIndex;
        await table.DeleteEntityAsync(icpc.Key.PartitionKey, icpc.Key.RowKey);
        var orphan = icpc with { SubjectId = "CP-GONE" };
        await table.UpsertEntityAsync(DueIndexEntity.ToEntity(orphan), TableUpdateMode.Replace);

        var result = await _app.Service<DueIndexSync>().ReindexAsync(code, default);
        Assert.Equal(1, result.Deleted);
        Assert.Equal(rows.Count, result.Upserted);
        var repaired = await ReadAsync(code, new LocalDate(2018, 12, 31));
        Assert.Contains(repaired, r => r.Key.Compact == icpc.Key.Compact);
        Assert.DoesNotContain(repaired, r => r.SubjectId == "CP-GONE");
        Assert.Equal(rows.Select(r => r.Key.Compact).Order(), repaired.Select(r => r.Key.Compact).Order());
    }

    [Fact]
    public async Task A_sync_of_a_stale_version_follows_the_latest_row_and_a_deleted_subject_leaves_no_rows()
    {
        var code = TestApp.NewAuthority();
        using var client = _app.Client(await _app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-L", TestApp.Json(new
        {
            type = "CP",
            events = new[] { new { type = "strategy_discussion", date = "2017-11-20" } },
        })), HttpStatusCode.Created);
        var store = _app.Service<ISubjectStore>();
        var v1 = (await store.GetAsync(SubjectKind.Case, code, "CP-L", default))!;
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-L/events", TestApp.Json(new { type = "icpc_held", date = "2017-12-01" })), HttpStatusCode.Created);
        var expected = (await ReadAsync(code, new LocalDate(2019, 12, 31))).Select(r => r.Key.Compact).Order().ToList();
        Assert.DoesNotContain(expected, k => k.Contains("|icpc_15wd|", StringComparison.Ordinal));

        // A late sync of version 1 (a writer that lost the race) must not bring version 1's rows back.
        await _app.Service<DueIndexSync>().SyncAsync(v1, default);
        var rows = await ReadAsync(code, new LocalDate(2019, 12, 31));
        Assert.Equal(expected, rows.Select(r => r.Key.Compact).Order().ToList());
        Assert.All(rows, r => Assert.Equal(2, r.SubjectVersion));

        // When the subject row is gone (purged), a sync removes what its keys name.
        var latest = (await store.GetAsync(SubjectKind.Case, code, "CP-L", default))!;
        await _app.Service<SchedulerTables>().Subjects(SubjectKind.Case).DeleteEntityAsync(code, "CP-L");
        await _app.Service<DueIndexSync>().SyncAsync(latest, default);
        Assert.Empty(await ReadAsync(code, new LocalDate(2019, 12, 31)));
    }

    [Fact]
    public void Keys_reject_separator_and_forbidden_characters()
    {
        var key = new DueIndexKey(new LocalDate(2018, 1, 8), "croydon", SubjectKind.Case, "CP-1", "icpc_15wd", 1);
        Assert.Equal("croydon|case|CP-1|icpc_15wd|001", key.RowKey);
        Assert.Equal("croydon|case|CP-1|mv_report_timeline|002|c2|draft_to_la", (key with { Rule = "mv_report_timeline", Sequence = 2, Cycle = 2, Step = "draft_to_la" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { SubjectId = "CP|1" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { SubjectId = "CP/1" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { Authority = "Croydon#" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { Authority = "o'brien" }).RowKey);
        Assert.Equal(("2018-01-08", "croydon|case|CP-1|icpc_15wd|001"), DueIndexKey.SplitCompact(key.Compact));
    }
}
