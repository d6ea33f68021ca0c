using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Scheduler.Tests.Azurite;

/// <summary>
/// One Azurite service (table or queue) as a <c>node</c> process with its output captured, telemetry off, stopped
/// with its whole process tree on dispose. Shared by the test fixture and the storage benchmarks (linked into both).
/// </summary>
internal sealed class AzuriteNodeProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly Process _process;
    private readonly string _service;

    private AzuriteNodeProcess(string service, Process process)
    {
        _service = service;
        _process = process;
    }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// Starts Azurite's <paramref name="service"/> (<c>table</c> or <c>queue</c>) from <paramref name="scripts"/> on
    /// 127.0.0.1:<paramref name="port"/>, in <paramref name="workingDirectory"/>, with <paramref name="nodeOptions"/>
    /// before the script and <paramref name="options"/> (persistence) after it; quiet, and with telemetry off.
    /// </summary>
    public static AzuriteNodeProcess StartService(
        string service, string scripts, string workingDirectory, int port, IEnumerable<string> nodeOptions, IEnumerable<string> options) =>
        Start(
            service,
            workingDirectory,
            [
                .. nodeOptions,
                Path.Combine(scripts, service, "main.js"),
                $"--{service}Host", "127.0.0.1",
                $"--{service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. options,
            ]);

    /// <summary>Starts <c>node</c> with <paramref name="args"/> (node options, the service's main.js, its options) in <paramref name="workingDirectory"/>.</summary>
    private static AzuriteNodeProcess Start(string service, string workingDirectory, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Quiet (no access log), any client API version, and no telemetry: without --disableTelemetry Azurite sends
        // usage data to Application Insights, an outside host this machine cannot reach and tests must not call.
        info.ArgumentList.Add("--silent");
        info.ArgumentList.Add("--skipApiVersionCheck");
        info.ArgumentList.Add("--disableTelemetry");

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var result = new AzuriteNodeProcess(service, process);
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

    /// <summary>Waits until the service accepts connections on <paramref name="port"/>; fails with its output if it exits or times out.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite {_service} exited with code {_process.ExitCode} before listening on port {port}. Output:\n{Output}");
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

        throw new TimeoutException(
            $"Azurite {_service} did not listen on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s. Output:\n{Output}");
    }

    /// <summary>CPU time used so far (zero once the process is gone).</summary>
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

    /// <summary>Resident memory in MiB (zero once the process is gone).</summary>
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

    /// <inheritdoc />
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

    /// <summary>What the process has printed so far (stdout and stderr).</summary>
    public string Output
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
