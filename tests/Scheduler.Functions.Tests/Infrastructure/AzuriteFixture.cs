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
    public const string AccountName = AzuriteInstall.AccountName;

    /// <summary>Azurite's well-known development account key (public; valid only against Azurite).</summary>
    public const string AccountKey = AzuriteInstall.AccountKey;

    /// <summary>Path-style table endpoint, e.g. <c>http://127.0.0.1:P/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint => new($"http://127.0.0.1:{TablePort}/{AccountName}");

    /// <summary>Path-style queue endpoint.</summary>
    public Uri QueueEndpoint => new($"http://127.0.0.1:{QueuePort}/{AccountName}");

    /// <summary>Shared-key connection string with explicit endpoints for this Azurite instance.</summary>
    public string ConnectionString => AzuriteInstall.ConnectionString(TablePort, QueuePort);

    /// <summary>The two node processes (table, queue), as started.</summary>
    internal IReadOnlyList<AzuriteNodeProcess> Processes => _processes;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        RepoRoot = FindRepoRoot();
        var scripts = AzuriteInstall.ScriptsDirectory(RepoRoot);
        Workspace = Path.Combine(Path.GetTempPath(), "scheduler-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Workspace, "table"));
        Directory.CreateDirectory(Path.Combine(Workspace, "queue"));

        TablePort = AzuriteInstall.FreePort();
        QueuePort = AzuriteInstall.FreePort();

        // Quiet and with telemetry off (AzuriteNodeProcess adds --silent, --skipApiVersionCheck, --disableTelemetry).
        var table = AzuriteNodeProcess.StartService("table", scripts, RepoRoot, TablePort, [], ["--location", Path.Combine(Workspace, "table")]);
        _processes.Add(table);
        var queue = AzuriteNodeProcess.StartService("queue", scripts, RepoRoot, QueuePort, [], ["--location", Path.Combine(Workspace, "queue")]);
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
    public static string FindRepoRoot() => AzuriteInstall.RepoRoot();
}

/// <summary>Shares one Azurite instance across every test class marked <c>[Collection("Azurite")]</c>.</summary>
[CollectionDefinition("Azurite")]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection name to put on test classes.</summary>
    public const string Name = "Azurite";
}
