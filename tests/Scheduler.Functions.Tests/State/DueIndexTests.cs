using System.Net;
using NodaTime;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Api;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.State;

/// <summary>The due-date index: one row per open milestone keyed by effective date, maintained on every write and repairable.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DueIndexTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiApp _app = new(azurite, "2017-12-01");

    public void Dispose() => _app.Dispose();

    private async Task<List<DueIndexRow>> ReadAsync(string code, LocalDate through)
    {
        var rows = new List<DueIndexRow>();
        await foreach (var row in _app.Service<DueIndexReader>().ReadOpenAsync(through, default))
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
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", ApiApp.Json(new { report_received = "2017-09-04", report_published = "2017-09-04" })), HttpStatusCode.Created);

        var rows = await ReadAsync(code, new LocalDate(2017, 12, 31));
        var plan = rows.Single(r => r.Rule == "action_plan_submission");
        Assert.Equal("2017-12-11", plan.Key.PartitionKey);
        Assert.Equal($"{code}|episode|sif-2017-20170904|action_plan_submission|001", plan.Key.RowKey);
        Assert.Equal(new LocalDate(2017, 12, 11), plan.Effective);
        Assert.Contains(Scheduler.Domain.Rules.Role.DCS, plan.Audience);
        Assert.Equal(1, plan.SubjectVersion);

        // The range read is by date: nothing after "through" comes back.
        Assert.All(await ReadAsync(code, new LocalDate(2017, 12, 4)), r => Assert.True(r.Effective <= new LocalDate(2017, 12, 4)));
        Assert.DoesNotContain(await ReadAsync(code, new LocalDate(2017, 12, 10)), r => r.Rule == "action_plan_submission");

        // Meeting the milestone removes its row; the subject row lists the removed key as retired.
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes/sif-2017-20170904/events", ApiApp.Json(new { type = "action_plan_submitted", date = "2017-11-20" })), HttpStatusCode.Created);
        var after = await ReadAsync(code, new LocalDate(2017, 12, 31));
        Assert.DoesNotContain(after, r => r.Rule == "action_plan_submission");
        Assert.All(after, r => Assert.Equal(2, r.SubjectVersion));
        var subject = (await _app.Service<SubjectStore>().GetAsync(StoredSubjectKind.Episode, code, "sif-2017-20170904", default))!;
        Assert.Contains(plan.Key.Compact, subject.RetiredIndexKeys);
        Assert.DoesNotContain(plan.Key.Compact, subject.IndexKeys);
    }

    [Fact]
    public async Task Case_rows_carry_the_assignees_and_reindex_repairs_missing_and_orphan_rows()
    {
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-I", ApiApp.Json(new
        {
            type = "CP",
            assignees = new { CPC = "chair@example.org", TM = "tm@example.org" },
            events = new[] { new { type = "strategy_discussion", date = "2017-11-20" } },
        })), HttpStatusCode.Created);

        var rows = await ReadAsync(code, new LocalDate(2018, 12, 31));
        var icpc = rows.Single(r => r.Rule == "icpc_15wd");
        Assert.Equal(StoredSubjectKind.Case, icpc.SubjectKind);
        Assert.Equal("chair@example.org", icpc.Assignees[Scheduler.Domain.Rules.Role.CPC]);
        Assert.Equal(new LocalDate(2017, 12, 11), icpc.Effective); // 20 Nov 2017 + 15 working days

        // Simulate a crash between subject write and index sync: one row missing, one orphan left behind.
        var table = _app.Service<SchedulerTables>().DueIndex;
        await table.DeleteEntityAsync(icpc.Key.PartitionKey, icpc.Key.RowKey);
        var orphan = icpc with { SubjectId = "CP-GONE" };
        await table.UpsertEntityAsync(DueIndexEntity.ToEntity(orphan), TableUpdateMode.Replace);

        var result = await _app.Service<DueIndexReader>().ReindexAsync(code, default);
        Assert.Equal(1, result.Deleted);
        var repaired = await ReadAsync(code, new LocalDate(2018, 12, 31));
        Assert.Contains(repaired, r => r.Key.Compact == icpc.Key.Compact);
        Assert.DoesNotContain(repaired, r => r.SubjectId == "CP-GONE");
        Assert.Equal(rows.Select(r => r.Key.Compact).Order(), repaired.Select(r => r.Key.Compact).Order());
    }

    [Fact]
    public void Keys_reject_separator_and_forbidden_characters()
    {
        var key = new DueIndexKey(new LocalDate(2018, 1, 8), "croydon", StoredSubjectKind.Case, "CP-1", "icpc_15wd", 1);
        Assert.Equal("croydon|case|CP-1|icpc_15wd|001", key.RowKey);
        Assert.Equal("croydon|case|CP-1|mv_report_timeline|002|c2|draft_to_la", (key with { Rule = "mv_report_timeline", Sequence = 2, Cycle = 2, Step = "draft_to_la" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { SubjectId = "CP|1" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { SubjectId = "CP/1" }).RowKey);
        Assert.Throws<ArgumentException>(() => (key with { Authority = "Croydon#" }).RowKey);
        Assert.Equal(("2018-01-08", "croydon|case|CP-1|icpc_15wd|001"), DueIndexKey.SplitCompact(key.Compact));
    }
}
