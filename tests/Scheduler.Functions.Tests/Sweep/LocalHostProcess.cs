using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// The local host (<c>dotnet src/LocalHost/bin/&lt;configuration&gt;/net10.0/Scheduler.LocalHost.dll</c>) as a real
/// child process on a free port, with its settings in its environment, timers and queue pollers on, and its console
/// output captured, so a test can kill it (SIGKILL) as a crash would and start another.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private LocalHostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>Where it listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Its console output so far (stdout and stderr, one line each).</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Starts the host and waits until <c>/health</c> answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(string repoRoot, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        // The test binaries' configuration (bin/<configuration>/net10.0/), so the host is the one built with them.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(repoRoot, "src", "LocalHost", "bin", configuration, "net10.0", "Scheduler.LocalHost.dll");
        Assert.True(File.Exists(dll), $"Build the local host first: {dll} is missing.");
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", baseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new LocalHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), baseAddress);
        host._process.OutputDataReceived += (_, e) => host.Add(e.Data);
        host._process.ErrorDataReceived += (_, e) => host.Add(e.Data);
        host._process.BeginOutputReadLine();
        host._process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(host._process.HasExited, $"The local host exited with {(host._process.HasExited ? host._process.ExitCode : 0)}:\n{string.Join('\n', host.Output)}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            Assert.True(deadline.Elapsed < timeout, $"The local host did not answer /health within {timeout}:\n{string.Join('\n', host.Output)}");
            await Task.Delay(200);
        }
    }

    /// <summary>A client for it, sending <paramref name="key"/> as <c>X-Api-Key</c>.</summary>
    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>Waits until a line of its output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!_output.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            Assert.False(_process.HasExited, $"The local host exited before logging \"{text}\":\n{string.Join('\n', Output)}");
            Assert.True(deadline.Elapsed < timeout, $"The local host did not log \"{text}\" within {timeout}:\n{string.Join('\n', Output)}");
            await Task.Delay(100);
        }
    }

    /// <summary>Kills it at once, as <c>kill -9</c> does (Process.Kill sends SIGKILL on Linux): no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
