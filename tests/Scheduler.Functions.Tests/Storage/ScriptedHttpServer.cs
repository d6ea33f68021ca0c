using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Scheduler.Functions.Tests.Storage;

/// <summary>
/// A loopback HTTP server that answers with a scripted sequence of status codes (the last one repeats).
/// Used only where Azurite cannot produce the fault: 5xx/408 responses for the retry tests.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body)> _script;
    private readonly (int Status, string Body) _last;
    private readonly Task _loop;

    public ScriptedHttpServer(params (int Status, string Body)[] script)
    {
        _script = new Queue<(int, string)>(script);
        _last = script[^1];
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/devstoreaccount1");

    public ConcurrentQueue<string> RequestsSeen { get; } = new();

    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(2));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            RequestsSeen.Enqueue($"{context.Request.HttpMethod} {context.Request.Url?.PathAndQuery} auth={context.Request.Headers["Authorization"]?.Split(' ')[0]}");
            (int status, string body) next;
            lock (_script)
            {
                next = _script.Count > 0 ? _script.Dequeue() : _last;
            }

            var bytes = Encoding.UTF8.GetBytes(next.body);
            context.Response.StatusCode = next.status;
            context.Response.ContentType = "application/json;odata=minimalmetadata";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
