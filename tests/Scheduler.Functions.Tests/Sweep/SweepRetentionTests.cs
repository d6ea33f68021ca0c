using Azure.Data.Tables;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>The retention pass runs on the first sweep of a month only, and catches up whatever expired since.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepRetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Only_the_first_sweep_of_a_month_removes_expired_rows()
    {
        await using var h = await SweepHarness.StartAsync(azurite, new LocalDate(2017, 12, 1));
        var audit = h.App.Service<SchedulerTables>().AuditLog;
        await audit.AddEntityAsync(new TableEntity($"{SweepHarness.Authority}|2010-01", "r1") { ["Operation"] = "test" });

        // Fri 1 Dec 2017, the first sweep ever: the pass runs and removes the 2010 row (six years' retention).
        var first = await h.SweepAsync();
        Assert.Equal(1, first.RetentionAuditRowsDeleted);
        Assert.False((await audit.GetEntityIfExistsAsync<TableEntity>($"{SweepHarness.Authority}|2010-01", "r1")).HasValue);

        // Mon 4 Dec: not the month's first sweep, so an expired row written meanwhile stays (and the summary says the pass did not run).
        await audit.AddEntityAsync(new TableEntity($"{SweepHarness.Authority}|2011-06", "r2") { ["Operation"] = "test" });
        h.Today = new LocalDate(2017, 12, 4);
        var later = await h.SweepAsync();
        Assert.Equal(new LocalDate(2017, 12, 4), later.Watermark);
        Assert.Null(later.RetentionAuditRowsDeleted);
        Assert.True((await audit.GetEntityIfExistsAsync<TableEntity>($"{SweepHarness.Authority}|2011-06", "r2")).HasValue);

        // Tue 2 Jan 2018, January's first sweep: the pass runs again and catches up.
        h.Today = new LocalDate(2018, 1, 2);
        var january = await h.SweepAsync();
        Assert.Equal(1, january.RetentionAuditRowsDeleted);
        Assert.False((await audit.GetEntityIfExistsAsync<TableEntity>($"{SweepHarness.Authority}|2011-06", "r2")).HasValue);
    }
}
