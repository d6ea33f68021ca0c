using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Scheduler.Infrastructure;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// Azurite's table and queue services as two node processes on free loopback ports, with telemetry off, run from a
/// throw-away workspace; stopped (whole process tree) and the workspace deleted on dispose. The start logic is the
/// test fixture's (tests/Scheduler.Functions.Tests/Infrastructure/AzuriteFixture.cs), with two differences for
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
    private readonly List<NodeProcess> _processes = [];

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
            var table = NodeProcess.Start("table", workspace, [heap, Path.Combine(azurite, "table", "main.js"), "--tableHost", "127.0.0.1", "--tablePort", Port(result.TablePort)]);
            result._processes.Add(table);
            var queue = NodeProcess.Start("queue", workspace, [heap, Path.Combine(azurite, "queue", "main.js"), "--queueHost", "127.0.0.1", "--queuePort", Port(result.QueuePort)]);
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
    private sealed class NodeProcess : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly Process _process;
        private readonly string _service;

        private NodeProcess(string service, Process process)
        {
            _service = service;
            _process = process;
        }

        public int Id => _process.Id;

        public static NodeProcess Start(string service, string workspace, string[] args)
        {
            var info = new ProcessStartInfo("node")
            {
                WorkingDirectory = workspace,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            info.ArgumentList.Add("--inMemoryPersistence");
            info.ArgumentList.Add("--silent");
            info.ArgumentList.Add("--skipApiVersionCheck");
            info.ArgumentList.Add("--disableTelemetry");

            var process = new Process { StartInfo = info, EnableRaisingEvents = true };
            var result = new NodeProcess(service, process);
            process.OutputDataReceived += (_, e) => result.Append(e.Data);
            process.ErrorDataReceived += (_, e) => result.Append(e.Data);
            try
            {
                process.Start();
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("Could not start `node` (is Node.js on PATH?) to run Azurite.", ex);
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return result;
        }

        public async Task WaitForPortAsync(int port, TimeSpan timeout)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < timeout)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite {_service} exited with code {_process.ExitCode} before listening on port {port}. Output:\n{Output}");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(100).ConfigureAwait(false);
                }
            }

            throw new TimeoutException($"Azurite {_service} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s. Output:\n{Output}");
        }

        public TimeSpan CpuTime()
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }

        public long ResidentMiB()
        {
            try
            {
                _process.Refresh();
                return _process.WorkingSet64 / (1024 * 1024);
            }
            catch (InvalidOperationException)
            {
                return 0;
            }
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(5000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
