using Azure.Data.Tables;
using NodaTime.Extensions;
using Scheduler.Application;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Ports;
using Scheduler.Benchmarks.Storage.Hosting;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Benchmarks.Storage.Measurements;

/// <summary>
/// The daily sweep (the real <see cref="SweepRunner"/>) at one dataset size: each run starts from an empty alert
/// ledger, the watermark on the previous working day and an empty <c>alert-dispatch</c> queue, so every run at
/// every size does the same work (today's alerts of the same milestones). One unmeasured run first, then
/// <c>repeats</c> measured runs, then one run with no watermark (a first run, which also runs the monthly
/// retention pass).
/// </summary>
public static class SweepScaling
{
    /// <summary>Runs the sweep <paramref name="repeats"/> times at the current size and reports the median run.</summary>
    public static async Task<SweepSummary> MeasureAsync(BenchApp app, BenchStorage storage, Report report, string label, int repeats, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(report);
        var indexRows = await CountAsync(storage, app.TablePrefix + TableNames.DueIndex, cancellationToken).ConfigureAwait(false);
        var caseRows = await CountAsync(storage, app.TablePrefix + TableNames.Cases, cancellationToken).ConfigureAwait(false);
        var auditRows = await CountAsync(storage, app.TablePrefix + TableNames.AuditLog, cancellationToken).ConfigureAwait(false);
        Report.Note($"Sweep at {label}: {caseRows:N0} case rows, {indexRows:N0} due-index rows, {auditRows:N0} audit rows");
        report.Add($"sweep.{label}.tables", $"{caseRows} cases, {indexRows} index rows, {auditRows} audit rows");

        var today = app.Service<NodaTime.IClock>().InZone(SchedulerTime.London).GetCurrentDate();
        var yesterday = Scheduler.Domain.Calendar.WorkingDayCalendar.EnglandAndWales.PreviousWorkingDayOnOrBefore(today.PlusDays(-1));
        await SweepOnceAsync(app, storage, yesterday, cancellationToken).ConfigureAwait(false);
        var runs = new List<(SweepSummary Summary, string Load)>();
        for (var i = 0; i < repeats; i++)
        {
            var run = await SweepOnceAsync(app, storage, yesterday, cancellationToken).ConfigureAwait(false);
            runs.Add(run);
            Report.Note($"    run {i + 1}: {Describe(run.Summary)} (load {run.Load})");
        }

        var median = runs.OrderBy(r => r.Summary.DurationMs).ElementAt(runs.Count / 2);
        report.Add($"sweep.{label}.median", $"{median.Summary.DurationMs} ms; {median.Summary.Milestones} rows read, {median.Summary.NewAlerts} alerts, {median.Summary.DigestsEnqueued} digests", median.Load);
        report.Add($"sweep.{label}.phases", $"{Phases(median.Summary.Phases)}", median.Load);
        report.Add($"sweep.{label}.runs", $"{string.Join(", ", runs.Select(r => r.Summary.DurationMs))} ms", string.Join("/", runs.Select(r => r.Load)));
        var first = await SweepOnceAsync(app, storage, null, cancellationToken).ConfigureAwait(false);
        report.Add($"sweep.{label}.with-retention", $"{first.Summary.DurationMs} ms, of which retention {first.Summary.Phases?.RetentionMs} ms ({first.Summary.RetentionAuditRowsDeleted} audit and {first.Summary.RetentionLedgerRowsDeleted} ledger rows deleted)", first.Load);
        return median.Summary;
    }

    /// <summary>The ratio line between two sizes, phase by phase.</summary>
    public static void Compare(Report report, SweepSummary small, SweepSummary large)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(small);
        ArgumentNullException.ThrowIfNull(large);
        report.Add("sweep.ratio.total", $"{Ratio(large.DurationMs, small.DurationMs)} (target <= 1.2x); rows read {small.Milestones} -> {large.Milestones}, alerts {small.NewAlerts} -> {large.NewAlerts}");
        var a = small.Phases ?? new SweepPhases();
        var b = large.Phases ?? new SweepPhases();
        report.Add(
            "sweep.ratio.phases",
            $"index {Ratio(b.IndexQueryMs, a.IndexQueryMs)}, evaluation {Ratio(b.EvaluationMs, a.EvaluationMs)}, ledger {Ratio(b.LedgerWritesMs, a.LedgerWritesMs)}, enqueue {Ratio(b.EnqueueMs, a.EnqueueMs)}, recovery {Ratio(b.RecoveryMs, a.RecoveryMs)}, retention {Ratio(b.RetentionMs, a.RetentionMs)}, authorities {Ratio(b.AuthoritiesMs, a.AuthoritiesMs)}, acks {Ratio(b.AcknowledgementsMs, a.AcknowledgementsMs)}");
    }

    /// <summary>One sweep from a clean ledger and queue, the watermark on <paramref name="watermark"/> (none when null).</summary>
    public static async Task<(SweepSummary Summary, string Load)> SweepOnceAsync(BenchApp app, BenchStorage storage, NodaTime.LocalDate? watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(storage);
        await ResetAsync(app, storage, cancellationToken).ConfigureAwait(false);
        if (watermark is { } day)
        {
            var state = app.Service<ISweepStateStore>();
            await state.TryAdvanceAsync(new SweepStateRecord(null, null, null, null), day, app.Service<NodaTime.IClock>().GetCurrentInstant(), "benchmark-reset", cancellationToken).ConfigureAwait(false);
        }

        var load = Report.Load1();
        var summary = await app.Service<SweepRunner>().SweepAsync("benchmark", cancellationToken).ConfigureAwait(false);
        return (summary, load);
    }

    /// <summary>Empties the alert ledger, the sweep state (no watermark) and the dispatch queue.</summary>
    public static async Task ResetAsync(BenchApp app, BenchStorage storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(storage);
        var service = storage.Tables();
        foreach (var name in new[] { TableNames.AlertLedger, TableNames.SweepState })
        {
            var table = service.GetTableClient(app.TablePrefix + name);
            await table.DeleteAsync(cancellationToken).ConfigureAwait(false);
            await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await storage.Queues().GetQueueClient(QueueNames.AlertDispatch).ClearMessagesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows in a table (keys only).</summary>
    public static async Task<int> CountAsync(BenchStorage storage, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var rows = 0;
        await foreach (var _ in storage.Tables().GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows++;
        }

        return rows;
    }

    /// <summary>One line for a sweep.</summary>
    public static string Describe(SweepSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return $"{summary.DurationMs} ms, {summary.Milestones} rows read, {summary.Candidates} candidates, {summary.NewAlerts} alerts, "
            + $"{summary.DigestsEnqueued} digests; {Phases(summary.Phases)}";
    }

    private static string Phases(SweepPhases? p) => p is null
        ? "no phases"
        : $"authorities {p.AuthoritiesMs}, index {p.IndexQueryMs}, acks {p.AcknowledgementsMs}, evaluation {p.EvaluationMs}, ledger {p.LedgerWritesMs}, "
            + $"recovery {p.RecoveryMs}, enqueue {p.EnqueueMs}, watermark {p.WatermarkMs}, retention {p.RetentionMs} ms";

    private static string Ratio(long large, long small) =>
        small <= 0 ? $"{large} ms vs {small} ms" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(double)large / small:F2}x");
}
