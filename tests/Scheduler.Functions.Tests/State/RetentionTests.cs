using Azure.Data.Tables;
using NodaTime;
using Scheduler.Application.Retention;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.State;

/// <summary>Audit and alert-ledger rows are kept for the retention period (default 6 years), then removed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 1));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Rows_older_than_six_years_go_and_newer_ones_and_other_authorities_stay()
    {
        var code = TestApp.NewAuthority();
        var other = TestApp.NewAuthority();
        var tables = _app.Service<SchedulerTables>();

        // Now is 1 Dec 2017, so the cutoff is the start of December 2011 (whole months): months before it have expired.
        foreach (var partition in new[] { $"{code}|2010-01", $"{code}|2011-11", $"{code}|2011-12", $"{code}|2017-11", $"{other}|2010-01" })
        {
            await tables.AuditLog.AddEntityAsync(new TableEntity(partition, "r1") { ["Operation"] = "test" });
        }

        await tables.AlertLedger.AddEntityAsync(new TableEntity(code, "old") { ["RecordedAt"] = new DateTimeOffset(2011, 11, 30, 6, 0, 0, TimeSpan.Zero) });
        await tables.AlertLedger.AddEntityAsync(new TableEntity(code, "new") { ["RecordedAt"] = new DateTimeOffset(2011, 12, 2, 6, 0, 0, TimeSpan.Zero) });
        await tables.AlertLedger.AddEntityAsync(new TableEntity(other, "old") { ["RecordedAt"] = new DateTimeOffset(2010, 1, 1, 6, 0, 0, TimeSpan.Zero) });

        var result = await _app.Service<RetentionService>().PurgeExpiredAsync([code], Instant.FromUtc(2017, 12, 1, 12, 0), default);

        Assert.Equal(Instant.FromUtc(2011, 12, 1, 0, 0), result.Cutoff);
        Assert.Equal(2, result.AuditRows);
        Assert.Equal(1, result.LedgerRows);
        Assert.False((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{code}|2010-01", "r1")).HasValue);
        Assert.False((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{code}|2011-11", "r1")).HasValue);
        Assert.True((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{code}|2011-12", "r1")).HasValue);
        Assert.True((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{code}|2017-11", "r1")).HasValue);
        Assert.True((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{other}|2010-01", "r1")).HasValue);
        Assert.False((await tables.AlertLedger.GetEntityIfExistsAsync<TableEntity>(code, "old")).HasValue);
        Assert.True((await tables.AlertLedger.GetEntityIfExistsAsync<TableEntity>(code, "new")).HasValue);
        Assert.True((await tables.AlertLedger.GetEntityIfExistsAsync<TableEntity>(other, "old")).HasValue);
    }

    [Fact]
    public async Task The_period_is_the_configured_number_of_years()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 1), new Dictionary<string, string?> { ["Scheduler:Retention:Years"] = "1" });
        var code = TestApp.NewAuthority();
        var tables = app.Service<SchedulerTables>();
        await tables.AuditLog.AddEntityAsync(new TableEntity($"{code}|2016-11", "r1") { ["Operation"] = "test" });
        await tables.AuditLog.AddEntityAsync(new TableEntity($"{code}|2016-12", "r1") { ["Operation"] = "test" });

        var result = await app.Service<RetentionService>().PurgeExpiredAsync([code], Instant.FromUtc(2017, 12, 1, 12, 0), default);

        Assert.Equal(Instant.FromUtc(2016, 12, 1, 0, 0), result.Cutoff);
        Assert.Equal(1, result.AuditRows);
        Assert.True((await tables.AuditLog.GetEntityIfExistsAsync<TableEntity>($"{code}|2016-12", "r1")).HasValue);
    }
}
