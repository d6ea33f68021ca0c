using NodaTime;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Api;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.State;

/// <summary>Audit and alert-ledger rows are kept for the retention period (default 6 years), then removed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RetentionTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiApp _app = new(azurite, "2017-12-01");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Rows_older_than_six_years_go_and_newer_ones_and_other_authorities_stay()
    {
        var code = ApiApp.NewAuthority();
        var other = ApiApp.NewAuthority();
        var tables = _app.Service<SchedulerTables>();
        await tables.EnsureCreatedAsync(default);
        await tables.AlertLedger.CreateIfNotExistsAsync(default);

        // Now is 1 Dec 2017, so the cutoff is 1 Dec 2011: months before December 2011 have expired.
        foreach (var partition in new[] { $"{code}|2010-01", $"{code}|2011-11", $"{code}|2011-12", $"{code}|2017-11", $"{other}|2010-01" })
        {
            await tables.AuditLog.AddEntityAsync(new TableEntity(partition, "r1") { ["Operation"] = "test" }, default);
        }

        await tables.AlertLedger.AddEntityAsync(new TableEntity(code, "old") { ["RecordedAt"] = new DateTimeOffset(2011, 11, 30, 6, 0, 0, TimeSpan.Zero) }, default);
        await tables.AlertLedger.AddEntityAsync(new TableEntity(code, "new") { ["RecordedAt"] = new DateTimeOffset(2011, 12, 2, 6, 0, 0, TimeSpan.Zero) }, default);

        var result = await _app.Service<RetentionPurger>().PurgeExpiredAsync([code], Instant.FromUtc(2017, 12, 1, 12, 0), default);

        Assert.Equal(2, result.AuditRows);
        Assert.Equal(1, result.LedgerRows);
        Assert.Null(await tables.AuditLog.GetEntityIfExistsAsync($"{code}|2010-01", "r1", cancellationToken: default));
        Assert.Null(await tables.AuditLog.GetEntityIfExistsAsync($"{code}|2011-11", "r1", cancellationToken: default));
        Assert.NotNull(await tables.AuditLog.GetEntityIfExistsAsync($"{code}|2011-12", "r1", cancellationToken: default));
        Assert.NotNull(await tables.AuditLog.GetEntityIfExistsAsync($"{code}|2017-11", "r1", cancellationToken: default));
        Assert.NotNull(await tables.AuditLog.GetEntityIfExistsAsync($"{other}|2010-01", "r1", cancellationToken: default));
        Assert.Null(await tables.AlertLedger.GetEntityIfExistsAsync(code, "old", cancellationToken: default));
        Assert.NotNull(await tables.AlertLedger.GetEntityIfExistsAsync(code, "new", cancellationToken: default));
    }
}
