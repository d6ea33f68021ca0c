namespace Scheduler.Infra.Tests.Package;

/// <summary>Azurite table and queue services (from node_modules) on free loopback ports, in memory.</summary>
public sealed class Azurite : IDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly ChildProcess table;
    private readonly ChildProcess queue;
    private readonly string workspace;

    private Azurite(ChildProcess table, ChildProcess queue, int tablePort, int queuePort, string workspace)
    {
        this.table = table;
        this.queue = queue;
        this.workspace = workspace;
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
                           $"AccountKey={AccountKey};" +
                           $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;" +
                           $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";
    }

    /// <summary>Shared-key connection string for the well-known Azurite development account.</summary>
    public string ConnectionString { get; }

    /// <summary>Starts both services and waits until they listen.</summary>
    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
        var tablePort = ChildProcess.FreePort();
        var queuePort = ChildProcess.FreePort();
        var common = new[] { "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry" };
        var table = ChildProcess.Start(
            "node",
            [RepoRoot.Combine("node_modules", "azurite", "dist", "src", "table", "main.js"), "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}", .. common],
            workspace,
            new Dictionary<string, string>());
        var queue = ChildProcess.Start(
            "node",
            [RepoRoot.Combine("node_modules", "azurite", "dist", "src", "queue", "main.js"), "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}", .. common],
            workspace,
            new Dictionary<string, string>());
        var azurite = new Azurite(table, queue, tablePort, queuePort, workspace);
        try
        {
            await table.WaitForPortAsync(tablePort, TimeSpan.FromSeconds(30), cancellationToken);
            await queue.WaitForPortAsync(queuePort, TimeSpan.FromSeconds(30), cancellationToken);
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        table.Dispose();
        queue.Dispose();
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
