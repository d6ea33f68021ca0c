using System.Diagnostics;
using Azure.Data.Tables;
using Scheduler.Benchmarks.Storage.Hosting;

namespace Scheduler.Benchmarks.Storage.Measurements;

/// <summary>
/// What this Azurite can do on this machine, with the bare SDK clients and nothing of the application: entity
/// inserts one per request and 100 per entity-group transaction, a key-range query's rows per second in a small
/// table and in one ten times larger (Azurite answers every query page by filtering the whole table, where the
/// real service reads the key range), and queue puts. Every storage figure of the other benchmarks is read
/// against these, taken in the same run.
/// </summary>
public static class Ceiling
{
    /// <summary>Rows per partition in the query tables.</summary>
    private const int RowsPerPartition = 100;

    /// <summary>Runs the measurements and adds them to <paramref name="report"/>; <paramref name="scale"/> 10 is full size (fewer inserts and puts below).</summary>
    public static async Task<CeilingFigures> RunAsync(BenchStorage storage, Report report, int scale, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(report);
        Report.Note($"Azurite ceiling (bare SDK clients, same Azurite):");
        var service = storage.Tables();
        var table = service.GetTableClient("ceilinginsert");
        await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);

        // Warm-up: connections, JIT and Azurite's own first requests.
        await RunAsync(200, 8, i => table.AddEntityAsync(Entity($"w{i % 10}", i), cancellationToken), cancellationToken).ConfigureAwait(false);

        var single1 = await RunAsync(2_000 * scale / 10, 1, i => table.AddEntityAsync(Entity("s1", i), cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.insert.single.c1", $"{single1.PerSecond:F0} entities/s");
        var single8 = await RunAsync(8_000 * scale / 10, 8, i => table.AddEntityAsync(Entity($"s8-{i % 50}", i), cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.insert.single.c8", $"{single8.PerSecond:F0} entities/s");

        var batch1 = await RunAsync(100 * scale / 10, 1, i => table.SubmitTransactionAsync(Batch($"b1-{i}"), cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.insert.batch100.c1", $"{batch1.PerSecond * 100:F0} entities/s");
        var batch4 = await RunAsync(200 * scale / 10, 4, i => table.SubmitTransactionAsync(Batch($"b4-{i}"), cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.insert.batch100.c4", $"{batch4.PerSecond * 100:F0} entities/s");
        await table.DeleteAsync(cancellationToken).ConfigureAwait(false);

        // Range queries: the same 5,000-row key range (50 partitions) and the same one-partition page (100 rows) in a
        // table of 25,000 and then of 250,000 rows. Azurite filters the whole table for every page of 1,000 rows, so
        // the difference between the two sizes is its scan cost per row; the real service reads only the key range.
        var range = service.GetTableClient("ceilingrange");
        await range.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        const int small = 250;
        await FillAsync(range, 0, small, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(100)} and PartitionKey lt {Partition(150)}");
        var page = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(7)}");
        var smallFull = await ReadAsync(range, null, cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.query.fullscan.25k", $"{smallFull.PerSecond:F0} rows/s ({smallFull.Count} rows)");
        var smallRange = await MedianReadAsync(range, filter, 3, cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.query.range5k.in25k", $"{smallRange.PerSecond:F0} rows/s ({smallRange.Count} rows in {smallRange.Elapsed.TotalMilliseconds:F0} ms, median of 3)");
        var smallPage = await MedianReadAsync(range, page, 5, cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.query.onepage.in25k", $"{smallPage.Elapsed.TotalMilliseconds:F1} ms for {smallPage.Count} rows (one partition, median of 5)");
        await FillAsync(range, small, small * 10, cancellationToken).ConfigureAwait(false);
        var bigRange = await MedianReadAsync(range, filter, 3, cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.query.range5k.in250k", $"{bigRange.PerSecond:F0} rows/s ({bigRange.Count} rows in {bigRange.Elapsed.TotalMilliseconds:F0} ms, median of 3)");
        var bigPage = await MedianReadAsync(range, page, 5, cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.query.onepage.in250k", $"{bigPage.Elapsed.TotalMilliseconds:F1} ms for {bigPage.Count} rows (one partition, median of 5)");
        var scanNs = (bigPage.Elapsed - smallPage.Elapsed).TotalNanoseconds / (250_000 - 25_000);
        report.Add("ceiling.query.scan-cost", $"{scanNs:F0} ns per row in the table per page; the same range reads {bigRange.Elapsed / smallRange.Elapsed:F2}x slower in a table 10x larger");
        await range.DeleteAsync(cancellationToken).ConfigureAwait(false);

        var queue = storage.Queues().GetQueueClient("ceiling-queue");
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var body = new string('q', 600);
        await RunAsync(100, 8, _ => queue.SendMessageAsync(body, cancellationToken), cancellationToken).ConfigureAwait(false);
        var put1 = await RunAsync(2_000 * scale / 10, 1, _ => queue.SendMessageAsync(body, cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.queue.put.c1", $"{put1.PerSecond:F0} messages/s");
        var put8 = await RunAsync(8_000 * scale / 10, 8, _ => queue.SendMessageAsync(body, cancellationToken), cancellationToken).ConfigureAwait(false);
        report.Add("ceiling.queue.put.c8", $"{put8.PerSecond:F0} messages/s");
        await queue.DeleteAsync(cancellationToken).ConfigureAwait(false);
        return new CeilingFigures(single1.PerSecond, single8.PerSecond, batch1.PerSecond * 100, batch4.PerSecond * 100, smallRange.PerSecond, bigRange.PerSecond, put1.PerSecond, put8.PerSecond, scanNs);
    }

    /// <summary>Runs <paramref name="count"/> operations, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<Throughput> RunAsync(int count, int concurrency, Func<int, Task> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, _) => await operation(i).ConfigureAwait(false)).ConfigureAwait(false);
        return new Throughput(count, sw.Elapsed);
    }

    private static async Task FillAsync(TableClient table, int firstPartition, int endPartition, CancellationToken cancellationToken) =>
        await RunAsync(endPartition - firstPartition, 4, i => table.SubmitTransactionAsync(Batch(Partition(firstPartition + i)), cancellationToken), cancellationToken).ConfigureAwait(false);

    private static async Task<Throughput> MedianReadAsync(TableClient table, string filter, int times, CancellationToken cancellationToken)
    {
        var reads = new List<Throughput>();
        for (var i = 0; i < times; i++)
        {
            reads.Add(await ReadAsync(table, filter, cancellationToken).ConfigureAwait(false));
        }

        return reads.OrderBy(r => r.Elapsed).ElementAt(times / 2);
    }

    private static async Task<Throughput> ReadAsync(TableClient table, string? filter, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows++;
        }

        return new Throughput(rows, sw.Elapsed);
    }

    private static string Partition(int number) => $"2026-{number:D6}";

    private static IEnumerable<TableTransactionAction> Batch(string partition) =>
        Enumerable.Range(0, RowsPerPartition).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Entity(partition, i)));

    /// <summary>An entity shaped like a due-index row (about 500 bytes).</summary>
    private static TableEntity Entity(string partition, int i) => new(partition, $"la-{i % 152:D3}|case|CP{i:D7}|cp_plan_visits|{i % 1000:D3}")
    {
        ["Authority"] = $"la-{i % 152:D3}",
        ["SubjectKind"] = "case",
        ["SubjectId"] = $"CP{i:D7}",
        ["Rule"] = "cp_plan_visits",
        ["Sequence"] = i % 1000,
        ["Title"] = "Visit to a child on a child protection plan",
        ["Group"] = "ChildProtection",
        ["Due"] = "2026-01-29",
        ["Effective"] = "2026-01-29",
        ["Audience"] = "[\"TM\"]",
        ["Assignees"] = "{\"TM\":\"tm01@la-001.example\",\"IRO\":\"iro01@la-001.example\",\"CPC\":\"cpc01@la-001.example\"}",
        ["SubjectVersion"] = 1L,
    };
}

/// <summary>A count of operations or rows over a wall time.</summary>
public sealed record Throughput(int Count, TimeSpan Elapsed)
{
    /// <summary>Per second of wall time.</summary>
    public double PerSecond => Count / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>The ceiling figures the other benchmarks compare against.</summary>
public sealed record CeilingFigures(
    double InsertSingleC1, double InsertSingleC8, double InsertBatchC1, double InsertBatchC4, double RangeRowsPerSecondSmall, double RangeRowsPerSecondBig, double QueuePutC1, double QueuePutC8, double ScanNanosecondsPerRow);
