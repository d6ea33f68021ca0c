using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Scheduler.Infrastructure;
using Scheduler.Tests.Azurite;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// Azurite's table and queue services as two node processes on free loopback ports, with telemetry off, run from a
/// throw-away workspace; stopped (whole process tree) and the workspace deleted on dispose. The processes are the
/// test fixture's (tests/azurite/AzuriteNodeProcess.cs, linked into both projects), with two differences for
/// large datasets: data is kept in memory (<c>--inMemoryPersistence</c>: the file store rewrites its whole database
/// every 5 s, a pause that grows with the data and would blur the scaling figures) and node gets a larger heap.
/// </summary>
public sealed class Azurite : IDisposable
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public; valid only against Azurite).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private readonly List<AzuriteNodeProcess> _processes = [];

    private Azurite(string workspace, int tablePort, int queuePort)
    {
        Workspace = workspace;
        TablePort = tablePort;
        QueuePort = queuePort;
    }

    /// <summary>The temporary workspace (deleted on dispose).</summary>
    public string Workspace { get; }

    public int TablePort { get; }

    public int QueuePort { get; }

    /// <summary>The node process ids (table, queue), for CPU accounting.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    /// <summary>Shared-key connection string with explicit endpoints for this instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};";

    /// <summary>Starts both services and waits until they listen.</summary>
    public static async Task<Azurite> StartAsync(int heapMegabytes = 12_288)
    {
        var root = RepoRoot();
        var azurite = Path.Combine(root, "node_modules", "azurite", "dist", "src");
        if (!Directory.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed under {Path.Combine(root, "node_modules")}. Run `npm ci` in {root} first.");
        }

        var workspace = Path.Combine(Path.GetTempPath(), "scheduler-bench-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workspace);
        var result = new Azurite(workspace, FreePort(), FreePort());
        try
        {
            var heap = $"--max-old-space-size={heapMegabytes.ToString(CultureInfo.InvariantCulture)}";
            var table = AzuriteNodeProcess.Start("table", workspace, [heap, Path.Combine(azurite, "table", "main.js"), "--tableHost", "127.0.0.1", "--tablePort", Port(result.TablePort), "--inMemoryPersistence"]);
            result._processes.Add(table);
            var queue = AzuriteNodeProcess.Start("queue", workspace, [heap, Path.Combine(azurite, "queue", "main.js"), "--queueHost", "127.0.0.1", "--queuePort", Port(result.QueuePort), "--inMemoryPersistence"]);
            result._processes.Add(queue);
            await Task.WhenAll(table.WaitForPortAsync(result.TablePort, StartupTimeout), queue.WaitForPortAsync(result.QueuePort, StartupTimeout)).ConfigureAwait(false);
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>A table service client for this instance.</summary>
    public TableServiceClient Tables() => new(ConnectionString);

    /// <summary>A queue service client as the app configures it (base64, pinned service version).</summary>
    public QueueServiceClient Queues() =>
        new(ConnectionString, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>CPU time the Azurite processes have used so far.</summary>
    public TimeSpan CpuTime() => _processes.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.CpuTime());

    /// <summary>CPU time the table service (the first process) has used so far; the rest is the queue service's.</summary>
    public TimeSpan TableCpuTime() => _processes.Count > 0 ? _processes[0].CpuTime() : TimeSpan.Zero;

    /// <summary>Resident memory of the table service, in MiB.</summary>
    public long TableResidentMiB() => _processes.Count > 0 ? _processes[0].ResidentMiB() : 0;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _processes.Clear();
        try
        {
            Directory.Delete(Workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the OS temp cleaner will take it.
        }
    }

    /// <summary>Walks up from the binaries to the directory containing Scheduler.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Scheduler.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Could not find Scheduler.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>One Azurite service process with its captured output.</summary>
}
