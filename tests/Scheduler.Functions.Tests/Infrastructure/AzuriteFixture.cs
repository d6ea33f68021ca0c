using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Scheduler.Infrastructure;
using Scheduler.Tests.Azurite;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// Starts Azurite's table and queue services as two separate node processes on free loopback ports, in a
/// throw-away workspace, and stops them (whole process tree) and deletes the workspace on dispose.
/// Use it through <c>[Collection("Azurite")]</c> or your own <c>ICollectionFixture&lt;AzuriteFixture&gt;</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IDisposable
{
    /// <summary>How long each service gets to start listening.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    private readonly List<AzuriteNodeProcess> _processes = [];
    private int _counter;

    /// <summary>Repository root (the directory holding Scheduler.sln).</summary>
    public string RepoRoot { get; private set; } = string.Empty;

    /// <summary>Temporary Azurite workspace (deleted on dispose).</summary>
    public string Workspace { get; private set; } = string.Empty;

    /// <summary>Loopback port of the table service.</summary>
    public int TablePort { get; private set; }

    /// <summary>Loopback port of the queue service.</summary>
    public int QueuePort { get; private set; }

    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public; valid only against Azurite).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Path-style table endpoint, e.g. <c>http://127.0.0.1:P/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>Path-style queue endpoint.</summary>
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>Shared-key connection string with explicit endpoints for this Azurite instance.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint={TableEndpoint};QueueEndpoint={QueueEndpoint};";

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        RepoRoot = FindRepoRoot();
        var azurite = Path.Combine(RepoRoot, "node_modules", "azurite", "dist", "src");
        if (!Directory.Exists(azurite))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed under {Path.Combine(RepoRoot, "node_modules")}. Run `npm ci` in {RepoRoot} first.");
        }

        Workspace = Path.Combine(Path.GetTempPath(), "scheduler-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Workspace, "table"));
        Directory.CreateDirectory(Path.Combine(Workspace, "queue"));

        TablePort = FreePort();
        QueuePort = FreePort();
        var table = AzuriteNodeProcess.Start(
            "table", RepoRoot,
            [Path.Combine(azurite, "table", "main.js"), "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", Path.Combine(Workspace, "table")]);
        _processes.Add(table);
        var queue = AzuriteNodeProcess.Start(
            "queue", RepoRoot,
            [Path.Combine(azurite, "queue", "main.js"), "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--location", Path.Combine(Workspace, "queue")]);
        _processes.Add(queue);

        await Task.WhenAll(table.WaitForPortAsync(TablePort, StartupTimeout), queue.WaitForPortAsync(QueuePort, StartupTimeout));
    }

    /// <summary>A fresh name valid for both tables (alphanumeric) and queues (lower case), unique in this run.</summary>
    public string UniqueName(string prefix = "t")
    {
        var clean = new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        if (clean.Length == 0 || !char.IsAsciiLetter(clean[0]))
        {
            clean = "t" + clean;
        }

        var suffix = Interlocked.Increment(ref _counter).ToString("D4") + Guid.NewGuid().ToString("N")[..8];
        var name = clean + suffix;
        return name.Length <= 63 ? name : clean[..(63 - suffix.Length)] + suffix;
    }

    /// <summary>A table service client for this instance.</summary>
    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

    /// <summary>A queue service client for this instance, as the app configures it (base64, pinned service version).</summary>
    public QueueServiceClient CreateQueueServiceClient() =>
        new(ConnectionString, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>A client for a named queue of this instance (no request is made).</summary>
    public QueueClient CreateQueueClient(string queueName) => CreateQueueServiceClient().GetQueueClient(queueName);

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            process.Dispose();
        }

        _processes.Clear();
        if (Workspace.Length > 0 && Directory.Exists(Workspace))
        {
            try
            {
                Directory.Delete(Workspace, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process; the OS temp cleaner will take it.
            }
        }
    }

    /// <summary>Walks up from the test binaries to the directory containing Scheduler.sln.</summary>
    public static string FindRepoRoot()
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Shares one Azurite instance across every test class marked <c>[Collection("Azurite")]</c>.</summary>
[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name to put on test classes.</summary>
    public const string Name = "Azurite";
}
