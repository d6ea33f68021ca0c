using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Scheduler.Application.Authorities;
using Scheduler.Application.Demo;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// The local host as <c>scripts/run</c> starts it: its own <c>dotnet Scheduler.LocalHost.dll</c> process on a free
/// loopback port, seeded with the demo authority, its console output written to a log file, against the test run's
/// Azurite (its own table prefix; timers and queue pollers off, so it never takes another test's queue messages).
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workspace;
    private bool _stopped;

    private LocalHostProcess(Process process, Uri baseAddress, string workspace, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        _workspace = workspace;
        LogPath = logPath;
    }

    /// <summary>Where the app listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The file its standard output and error go to.</summary>
    public string LogPath { get; }

    /// <summary>
    /// Starts the local host built next to the tests (same configuration) and waits until the demo key can read
    /// the demo authority. <paramref name="applicationInsights"/>: a connection string, or null for none.
    /// </summary>
    public static async Task<LocalHostProcess> StartAsync(AzuriteFixture azurite, string operatorKey, string? applicationInsights)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var root = AzuriteFixture.FindRepoRoot();
        var configuration = typeof(LocalHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(root, "src", "LocalHost", "bin", configuration, "net10.0", "Scheduler.LocalHost.dll");
        Assert.True(File.Exists(dll), $"The local host is not built at {dll}.");

        var workspace = Path.Combine(Path.GetTempPath(), "scheduler-localhost-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(workspace);
        var log = Path.Combine(workspace, "host.log");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");

        // As scripts/run: `dotnet …/Scheduler.LocalHost.dll --urls … >.local/host.log 2>&1`, in a shell that execs it.
        var info = new ProcessStartInfo("bash") { WorkingDirectory = workspace, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec dotnet \"$0\" \"$@\" >\"$SCHEDULER_TEST_LOG\" 2>&1", dll, "--urls", baseAddress.ToString().TrimEnd('/'), "--seed-demo", "--no-triggers" })
        {
            info.ArgumentList.Add(arg);
        }

        var environment = new Dictionary<string, string?>
        {
            ["SCHEDULER_TEST_LOG"] = log,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["SCHEDULER_TODAY"] = "2017-12-12",
            ["Scheduler__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Scheduler__Storage__TablePrefix"] = "p" + Guid.NewGuid().ToString("N")[..12],
            ["Scheduler__OperatorKeySha256"] = ApiKeyHasher.Hash(operatorKey),
            ["Scheduler__PublicBaseUrl"] = baseAddress.ToString().TrimEnd('/'),
            ["Scheduler__Outbox__Directory"] = Path.Combine(workspace, "outbox"),
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = applicationInsights,
            // Send each item at once instead of every 30 s, so the test need not wait for a flush.
            ["APPINSIGHTS_DEVELOPER_MODE"] = applicationInsights is null ? null : "true",
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start bash to run the local host.");
        var host = new LocalHostProcess(process, baseAddress, workspace, log);
        try
        {
            await host.WaitUntilSeededAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Stops the process as Ctrl-C would (SIGTERM, so the console logger flushes) and returns its log.</summary>
    public async Task<string> StopAndReadLogAsync()
    {
        await StopAsync();
        return await File.ReadAllTextAsync(LogPath);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the OS temp cleaner will take it.
        }
    }

    private async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                await kill!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
    }

    private async Task WaitUntilSeededAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"The local host exited with code {_process.ExitCode}:\n{Tail()}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/authorities/{DemoSeeder.Authority}");
                request.Headers.Add("X-Api-Key", DemoSeeder.DemoKey);
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly on a loaded machine.
            }

            await Task.Delay(300);
        }

        Assert.Fail($"The local host did not serve the demo authority within {timeout}:\n{Tail()}");
    }

    private string Tail() => File.Exists(LogPath) ? string.Join('\n', File.ReadLines(LogPath).TakeLast(40)) : "(no log)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
