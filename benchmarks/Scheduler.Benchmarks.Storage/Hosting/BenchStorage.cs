using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Scheduler.Infrastructure;
using Scheduler.Tests.Azurite;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// The storage a run measures. By default Azurite's table and queue services as two node processes on free loopback
/// ports, with telemetry off, run from a throw-away workspace; stopped (whole process tree) and the workspace deleted
/// on dispose. The processes are the test fixture's (tests/azurite/AzuriteNodeProcess.cs, linked into both
/// projects), with two differences for large datasets: data is kept in memory (<c>--inMemoryPersistence</c>: the
/// file store rewrites its whole database every 5 s, a pause that grows with the data and would blur the scaling
/// figures) and node gets a larger heap. With <c>SCHEDULER_BENCH_STORAGE</c> set, the run uses the storage it names
/// instead (a storage account, or an Azurite started by hand), which it neither starts nor stops.
/// </summary>
public sealed class BenchStorage : IDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private readonly List<AzuriteNodeProcess> _processes = [];

    // Processes of storage started by someone else (--storage-pids), read for CPU and memory only.
    private readonly List<Process> _external = [];

    // How to start the queue service again (Azurite started here only).
    private Func<AzuriteNodeProcess>? _queueService;
    private int _queuePort;

    private BenchStorage(string workspace, string connectionString, string description)
    {
        Workspace = workspace;
        ConnectionString = connectionString;
        Description = description;
    }

    /// <summary>The temporary workspace for outboxes (deleted on dispose).</summary>
    public string Workspace { get; }

    /// <summary>The connection string every client and app of the run uses.</summary>
    public string ConnectionString { get; }

    /// <summary>One line for the report: what storage this is and where.</summary>
    public string Description { get; }

    /// <summary>Whether the storage's CPU time is known (Azurite started here, or given process ids).</summary>
    public bool KnowsCpu => _processes.Count > 0 || _external.Count > 0;

    /// <summary>Starts both Azurite services and waits until they listen.</summary>
    public static async Task<BenchStorage> StartAsync(int heapMegabytes = 12_288)
    {
        var scripts = AzuriteInstall.ScriptsDirectory(AzuriteInstall.RepoRoot());
        var workspace = NewWorkspace();
        var tablePort = AzuriteInstall.FreePort();
        var queuePort = AzuriteInstall.FreePort();
        var result = new BenchStorage(
            workspace,
            AzuriteInstall.ConnectionString(tablePort, queuePort),
            $"Azurite 3.35 (in memory) on 127.0.0.1:{tablePort} (tables) and :{queuePort} (queues), workspace {workspace}");
        try
        {
            string[] heap = [$"--max-old-space-size={heapMegabytes.ToString(CultureInfo.InvariantCulture)}"];
            string[] inMemory = ["--inMemoryPersistence"];
            var table = AzuriteNodeProcess.StartService("table", scripts, workspace, tablePort, heap, inMemory);
            result._processes.Add(table);
            result._queueService = () => AzuriteNodeProcess.StartService("queue", scripts, workspace, queuePort, heap, inMemory);
            result._queuePort = queuePort;
            var queue = result._queueService();
            result._processes.Add(queue);
            await Task.WhenAll(table.WaitForPortAsync(tablePort, StartupTimeout), queue.WaitForPortAsync(queuePort, StartupTimeout)).ConfigureAwait(false);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Replaces Azurite's queue service with a fresh, empty one on the same port; false for storage given with
    /// <c>SCHEDULER_BENCH_STORAGE</c>, which is left as it is. Azurite's queue service cleans up after a deleted queue
    /// lazily: one that had just held the ceiling's 10,100 messages stalled a single put for 189 s while the delivery
    /// was being prepared, so delivery is measured on a fresh one. The queues that existed are created again, empty,
    /// for the apps already running.
    /// </summary>
    public async Task<bool> FreshQueueServiceAsync(CancellationToken cancellationToken)
    {
        if (_queueService is null || _processes.Count != 2)
        {
            return false;
        }

        var service = Queues();
        var names = new List<string>();
        await foreach (var item in service.GetQueuesAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }

        _processes[1].Dispose();
        var queue = _queueService();
        _processes[1] = queue;
        await queue.WaitForPortAsync(_queuePort, StartupTimeout).ConfigureAwait(false);
        foreach (var name in names)
        {
            await service.CreateQueueAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Uses the storage behind <paramref name="connectionString"/>; <paramref name="processIds"/> (table service
    /// first) are local processes whose CPU time counts as the storage's, when it runs on this machine.
    /// </summary>
    public static BenchStorage Attach(string connectionString, IReadOnlyList<int> processIds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(processIds);

        // The clients parse the string and name the endpoints; the account key is never printed.
        var tables = new TableServiceClient(connectionString).Uri;
        var queues = new QueueServiceClient(connectionString).Uri;
        var workspace = NewWorkspace();
        var result = new BenchStorage(
            workspace,
            connectionString,
            $"storage given by SCHEDULER_BENCH_STORAGE: tables {tables}, queues {queues} (not started or stopped here), workspace {workspace}");
        foreach (var id in processIds)
        {
            result._external.Add(Process.GetProcessById(id));
        }

        return result;
    }

    /// <summary>A table service client for this instance.</summary>
    public TableServiceClient Tables() => new(ConnectionString);

    /// <summary>A queue service client as the app configures it (base64, pinned service version).</summary>
    public QueueServiceClient Queues() =>
        new(ConnectionString, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>CPU time the storage processes have used so far (zero when <see cref="KnowsCpu"/> is false).</summary>
    public TimeSpan CpuTime() => Cpu().Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>CPU time the table service (the first process) has used so far; the rest is the queue service's.</summary>
    public TimeSpan TableCpuTime() => Cpu().FirstOrDefault();

    /// <summary>Resident memory of the table service, in MiB (0 when unknown).</summary>
    public long TableResidentMiB() =>
        _processes.Count > 0 ? _processes[0].ResidentMiB() : _external.Count > 0 ? Read(_external[0], p => p.WorkingSet64 / (1024 * 1024)) : 0;

    /// <summary>A CPU figure for the report: seconds, or "n/a" for storage whose processes are not known here.</summary>
    public string CpuText(TimeSpan cpu) => KnowsCpu ? $"{cpu.TotalSeconds:F0} s" : "n/a";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _processes.Clear();
        foreach (var process in _external)
        {
            process.Dispose();
        }

        _external.Clear();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS temp cleaner will take it.
        }
    }

    private static string NewWorkspace()
    {
        var workspace = Path.Combine(Path.GetTempPath(), "scheduler-bench-storage-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        return workspace;
    }

    private IEnumerable<TimeSpan> Cpu() =>
        _processes.Count > 0 ? _processes.Select(p => p.CpuTime()) : _external.Select(p => Read(p, q => q.TotalProcessorTime));

    // A process that has exited reads as zero, as AzuriteNodeProcess does.
    private static T Read<T>(Process process, Func<Process, T> read)
    {
        try
        {
            process.Refresh();
            return read(process);
        }
        catch (InvalidOperationException)
        {
            return default!;
        }
    }
}
