using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Scheduler.Tests.Azurite;

/// <summary>
/// Where the project's own Azurite is (its npm dependency under the repository root) and what every Azurite started
/// from it shares: the well-known development account, loopback ports, the connection string. Shared by the test
/// fixture and the storage benchmarks (linked into both), so that both start Azurite the same way.
/// </summary>
internal static class AzuriteInstall
{
    /// <summary>Azurite's well-known development account.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development account key (public; valid only against Azurite).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

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

    /// <summary>Azurite's scripts (<c>node_modules/azurite/dist/src</c>) under <paramref name="repoRoot"/>; says to run <c>npm ci</c> when they are missing.</summary>
    public static string ScriptsDirectory(string repoRoot)
    {
        var scripts = Path.Combine(repoRoot, "node_modules", "azurite", "dist", "src");
        return Directory.Exists(scripts)
            ? scripts
            : throw new InvalidOperationException($"Azurite is not installed under {Path.Combine(repoRoot, "node_modules")}. Run `npm ci` in {repoRoot} first.");
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Shared-key connection string with explicit path-style endpoints for services on these ports.</summary>
    public static string ConnectionString(int tablePort, int queuePort) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};");
}
