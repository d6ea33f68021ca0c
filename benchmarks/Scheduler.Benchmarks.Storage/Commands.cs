using System.Diagnostics;
using System.Runtime.InteropServices;
using NodaTime;
using Scheduler.Benchmarks.Storage.Dataset;
using Scheduler.Benchmarks.Storage.Hosting;
using Scheduler.Benchmarks.Storage.Measurements;

namespace Scheduler.Benchmarks.Storage;

/// <summary>The subcommands; each starts its own Azurite, runs the ceiling first (unless <c>--no-ceiling</c>) and stops it.</summary>
public static class Commands
{
    /// <summary>The dataset's default "today": a Thursday, a working day.</summary>
    public static readonly LocalDate DefaultToday = new(2026, 1, 15);

    /// <summary>The environment variable that points a run at storage it does not start (a connection string).</summary>
    public const string StorageVariable = "SCHEDULER_BENCH_STORAGE";

    private const string Usage = """
        usage: Scheduler.Benchmarks.Storage <command> [options]
          dataset       [--active N] [--quiet N]         the generated dataset's statistics (no storage)
          ceiling                                       Azurite's own throughput on this machine
          seed          [--authorities 152] [--cases 135000] [--active N (default cases/10)] [--parallelism 16]
          sweep-scaling [--authorities 152] [--active 13500] [--quiet 121500] [--repeats 5] [--parallelism 16]
          delivery      [--alerts 10000] [--direct]    (--direct: then again without the queue, side by side)
          api-load      [--authorities 152] [--cases 135000] [--seconds 20] [--writers-events 10]
          all           everything above in one Azurite, the national dataset seeded once
        common: [--today 2026-01-15] [--seed 20170904] [--no-ceiling] [--ceiling-scale 10] [--wait-load 4]
        storage: Azurite started and stopped by the run, unless SCHEDULER_BENCH_STORAGE holds a connection string
                 (a throw-away storage account, or an Azurite started by hand; the run creates, empties and deletes
                 its own tables and queues there); [--storage-pids TABLE,QUEUE] local processes to charge its CPU to
        """;

    /// <summary>Runs one subcommand; returns the exit code.</summary>
    public static async Task<int> RunAsync(Args args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Command == "dataset")
        {
            return DatasetCommand(args);
        }

        if (args.Command is not ("ceiling" or "seed" or "sweep-scaling" or "delivery" or "api-load" or "all"))
        {
            await Console.Error.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // kill (SIGTERM) stops the run too: the apps' console lifetime would otherwise take the signal, stop only
        // themselves and leave the run, and its Azurite, going.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });
        try
        {
            return await RunAsync(args, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{args.Command}: stopped (an Azurite it started is stopped with it)").ConfigureAwait(false);
            return 130;
        }
    }

    private static async Task<int> RunAsync(Args args, CancellationTokenSource cancel)
    {
        await WaitForLoadAsync(args, cancel.Token).ConfigureAwait(false);

        var report = new Report();
        var started = Stopwatch.StartNew();
        Report.Note($"{args.Command}: started at load {Report.LoadAvg()}; {Environment.ProcessorCount} cores");
        using var storage = await OpenStorageAsync(args).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => storage.Dispose();
        Report.Note($"{storage.Description}");
        if (!args.Flag("no-ceiling"))
        {
            await Ceiling.RunAsync(storage, report, args.Int("ceiling-scale", 10), cancel.Token).ConfigureAwait(false);
            await FreshQueueServiceAsync(storage, "after the ceiling", cancel.Token).ConfigureAwait(false);
        }

        var today = args.Date("today", DefaultToday);
        var generator = new CaseGenerator(today, args.Int("seed", 20170904));
        switch (args.Command)
        {
            case "seed":
                await SeedCommandAsync(args, storage, report, generator, cancel.Token).ConfigureAwait(false);
                break;
            case "sweep-scaling":
                await SweepScalingCommandAsync(args, storage, report, generator, cancel.Token).ConfigureAwait(false);
                break;
            case "delivery":
                await DeliveryCommandAsync(args, storage, report, generator, cancel.Token).ConfigureAwait(false);
                break;
            case "api-load":
                await ApiLoadCommandAsync(args, storage, report, generator, cancel.Token).ConfigureAwait(false);
                break;
            case "all":
                await AllCommandAsync(args, storage, report, generator, cancel.Token).ConfigureAwait(false);
                break;
            default:
                break;
        }

        Report.Note($"{args.Command}: finished in {started.Elapsed.TotalMinutes:F1} min");
        Console.WriteLine(report.Summary(args.Command));
        return 0;
    }

    /// <summary>
    /// An empty Azurite queue service for what follows: the ceiling's 10,100 messages, or the sweeps' digests, leave
    /// Azurite's queue service slow for minutes after their queue is deleted or cleared (it cleans up lazily), which
    /// would be charged to the next measurement. The queue service holds nothing the next part needs.
    /// </summary>
    private static async Task FreshQueueServiceAsync(BenchStorage storage, string when, CancellationToken cancellationToken)
    {
        if (await storage.FreshQueueServiceAsync(cancellationToken).ConfigureAwait(false))
        {
            Report.Note($"Azurite's queue service restarted empty {when}");
        }
    }

    /// <summary>
    /// The Azurite this run starts, or the storage named by <see cref="StorageVariable"/> (read from the environment,
    /// so an account key never sits on a command line or in the shell history).
    /// </summary>
    private static async Task<BenchStorage> OpenStorageAsync(Args args)
    {
        var connectionString = Environment.GetEnvironmentVariable(StorageVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return await BenchStorage.StartAsync().ConfigureAwait(false);
        }

        var pids = (args.Text("storage-pids") ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        return BenchStorage.Attach(connectionString, pids);
    }

    private static async Task SeedCommandAsync(Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        var total = args.Int("cases", 135_000);
        var (app, _) = await SeedAsync(args, storage, report, generator, args.Int("active", total / 10), total - args.Int("active", total / 10), cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task SweepScalingCommandAsync(Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        var (app, _) = await SweepScalingAsync(args, storage, report, generator, cancellationToken).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ApiLoadCommandAsync(Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        var total = args.Int("cases", 135_000);
        var active = args.Int("active", total / 10);
        var (app, authorities) = await SeedAsync(args, storage, report, generator, active, total - active, cancellationToken).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            await ApiLoadAsync(args, app, report, generator, authorities, active, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task AllCommandAsync(Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        // One national dataset: the sweep is measured at 13,500 and at 135,000 cases, then the API runs against it;
        // delivery uses its own tables.
        var (app, authorities) = await SweepScalingAsync(args, storage, report, generator, cancellationToken).ConfigureAwait(false);
        await using (app.ConfigureAwait(false))
        {
            await ApiLoadAsync(args, app, report, generator, authorities, args.Int("active", 13_500), cancellationToken).ConfigureAwait(false);
        }

        await DeliveryCommandAsync(args, storage, report, generator, cancellationToken).ConfigureAwait(false);
    }

    private static Task ApiLoadAsync(Args args, BenchApp app, Report report, CaseGenerator generator, IReadOnlyList<SeededAuthority> authorities, int active, CancellationToken cancellationToken)
    {
        Report.Note($"API load on Kestrel at {app.BaseAddress} ({args.Seconds("seconds", 20).TotalSeconds:F0} s per window)…");
        return ApiLoad.RunAsync(app, report, generator, authorities, active, args.Seconds("seconds", 20), args.Int("writer-events", 10), cancellationToken);
    }

    /// <summary>Seeds the authorities and the active cases, sweeps, seeds the quiet cases, sweeps again.</summary>
    private static async Task<(BenchApp App, IReadOnlyList<SeededAuthority> Authorities)> SweepScalingAsync(
        Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        var timings = new PortTimings();
        var app = await BenchApp.StartAsync(storage, generator.Today, "sweep", timings.Register).ConfigureAwait(false);
        var seeder = new Seeder(app, storage, generator);
        var parallelism = args.Int("parallelism", 16);
        var active = args.Int("active", 13_500);
        var quiet = args.Int("quiet", 121_500);
        var repeats = args.Int("repeats", 5);
        var authorities = await SeedAuthoritiesAsync(args, seeder, report, cancellationToken).ConfigureAwait(false);
        await SeedCasesAsync(seeder, timings, report, authorities, CaseClass.Active, active, parallelism, cancellationToken).ConfigureAwait(false);
        // Each size's sweeps start from an empty queue service, so that both put their digests on the same queue
        // state and the comparison is of the tables' sizes only.
        await FreshQueueServiceAsync(storage, "for the sweeps at the small size", cancellationToken).ConfigureAwait(false);
        var small = await SweepScaling.MeasureAsync(app, storage, report, $"{active}", repeats, cancellationToken).ConfigureAwait(false);
        await SeedCasesAsync(seeder, timings, report, authorities, CaseClass.Quiet, quiet, parallelism, cancellationToken).ConfigureAwait(false);
        await FreshQueueServiceAsync(storage, "for the sweeps at the large size", cancellationToken).ConfigureAwait(false);
        var large = await SweepScaling.MeasureAsync(app, storage, report, $"{active + quiet}", repeats, cancellationToken).ConfigureAwait(false);
        SweepScaling.Compare(report, small, large);
        return (app, authorities);
    }

    private static async Task DeliveryCommandAsync(Args args, BenchStorage storage, Report report, CaseGenerator generator, CancellationToken cancellationToken)
    {
        await FreshQueueServiceAsync(storage, "for the delivery", cancellationToken).ConfigureAwait(false);
        Report.Note($"Delivery of {args.Int("alerts", 10_000):N0} alerts through the queue poller to the outbox…");
        await Delivery.RunAsync(storage, report, generator, args.Int("alerts", 10_000), args.Int("authorities", 152), args.Flag("direct"), args.Seconds("timeout", 900), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts an app on its own prefix and seeds the authorities, then the active and quiet cases.</summary>
    private static async Task<(BenchApp App, IReadOnlyList<SeededAuthority> Authorities)> SeedAsync(
        Args args, BenchStorage storage, Report report, CaseGenerator generator, int active, int quiet, CancellationToken cancellationToken)
    {
        var timings = new PortTimings();
        var app = await BenchApp.StartAsync(storage, generator.Today, "seed", timings.Register).ConfigureAwait(false);
        var seeder = new Seeder(app, storage, generator);
        var parallelism = args.Int("parallelism", 16);
        var authorities = await SeedAuthoritiesAsync(args, seeder, report, cancellationToken).ConfigureAwait(false);
        await SeedCasesAsync(seeder, timings, report, authorities, CaseClass.Active, active, parallelism, cancellationToken).ConfigureAwait(false);
        await SeedCasesAsync(seeder, timings, report, authorities, CaseClass.Quiet, quiet, parallelism, cancellationToken).ConfigureAwait(false);
        return (app, authorities);
    }

    private static async Task<IReadOnlyList<SeededAuthority>> SeedAuthoritiesAsync(Args args, Seeder seeder, Report report, CancellationToken cancellationToken)
    {
        var count = args.Int("authorities", 152);
        var sw = Stopwatch.StartNew();
        var authorities = await seeder.AuthoritiesAsync(count, cancellationToken).ConfigureAwait(false);
        report.Add("seed.authorities", $"{count} authorities (profile, key, ILACS episode) in {sw.Elapsed.TotalSeconds:F1} s");
        return authorities;
    }

    private static async Task SeedCasesAsync(
        Seeder seeder, PortTimings timings, Report report, IReadOnlyList<SeededAuthority> authorities, CaseClass cls, int count, int parallelism, CancellationToken cancellationToken)
    {
        if (count <= 0)
        {
            return;
        }

        timings.Reset();
        Report.Note($"Seeding {count:N0} {cls} cases over {authorities.Count} authorities, {parallelism} at a time…");
        var result = await seeder.CasesAsync(authorities, cls, 0, count, parallelism, cancellationToken).ConfigureAwait(false);
        report.Add(
            $"seed.{cls.ToString().ToLowerInvariant()}",
            $"{result.Cases} cases in {result.Elapsed.TotalSeconds:F0} s = {result.Rate:F0} cases/s ({result.Failed} failed; CPU: harness {result.HarnessCpu.TotalSeconds:F0} s, storage {(result.StorageCpu is { } storageCpu ? $"{storageCpu.TotalSeconds:F0} s" : "n/a")})",
            $"{result.LoadBefore}->{result.LoadAfter}");
        foreach (var (call, calls, mean, total) in timings.Snapshot())
        {
            Report.Note($"    {call}: {calls:N0} calls, mean {mean:F2} ms, {total / Math.Max(1, result.Cases):F2} ms per case");
        }
    }

    private static async Task WaitForLoadAsync(Args args, CancellationToken cancellationToken)
    {
        // The machine is shared: optionally wait (up to an hour) until the 1-minute load average is below a bound.
        if (args.Text("wait-load") is null)
        {
            return;
        }

        var bound = args.Int("wait-load", 4);
        var waited = Stopwatch.StartNew();
        while (Report.Load1Value() > bound && waited.Elapsed < TimeSpan.FromHours(1))
        {
            Report.Note($"load {Report.Load1()} > {bound}; waiting…");
            await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
    }

    private static int DatasetCommand(Args args)
    {
        var today = args.Date("today", DefaultToday);
        var through = today.PlusDays(42);
        var generator = new CaseGenerator(today, args.Int("seed", 20170904));
        var active = DatasetCheck.Measure(Enumerable.Range(0, args.Int("active", 13_500)).Select(i => generator.Create(Seeder.CodeOf((i % 152) + 1), i, CaseClass.Active)), today, through);
        Console.WriteLine($"active: {active}");
        foreach (var (rule, n) in active.ByRule)
        {
            Console.WriteLine($"  {rule}: {n}");
        }

        var quiet = DatasetCheck.Measure(Enumerable.Range(0, args.Int("quiet", 121_500)).Select(i => generator.Create(Seeder.CodeOf((i % 152) + 1), i, CaseClass.Quiet)), today, through);
        Console.WriteLine($"quiet:  {quiet}");
        return 0;
    }
}
