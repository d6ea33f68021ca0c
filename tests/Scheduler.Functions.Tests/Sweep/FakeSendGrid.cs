using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// A local HTTP listener standing in for SendGrid v3 <c>POST /v3/mail/send</c>. It checks the documented wire
/// contract (path, bearer key, JSON body with one personalization, text/plain before text/html) and answers from a
/// script of responses, then 202 once the script is used up.
/// </summary>
internal sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key";

    private readonly HttpListener _listener = new();
    private readonly Queue<(int Status, string Body, string? RetryAfter)> _script = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;

    public FakeSendGrid(params (int Status, string Body, string? RetryAfter)[] script)
    {
        foreach (var step in script)
        {
            _script.Enqueue(step);
        }

        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>Every request received, in order, with the time since start and the status answered.</summary>
    public List<Received> Requests { get; } = [];

    /// <summary>Wire-contract violations seen (empty when every request was well-formed).</summary>
    public List<string> Violations { get; } = [];

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopped while waiting for a request.
        }
        catch (ObjectDisposedException)
        {
            // Same.
        }
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Check(context.Request, body);
            (int Status, string Body, string? RetryAfter) answer;
            lock (_script)
            {
                answer = _script.Count > 0 ? _script.Dequeue() : (202, string.Empty, null);
            }

            lock (Requests)
            {
                Requests.Add(new Received(_clock.Elapsed, body, answer.Status));
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfter is not null)
            {
                context.Response.AddHeader("Retry-After", answer.RetryAfter);
            }

            if (answer.Status == 202)
            {
                context.Response.AddHeader("X-Message-Id", "sg-" + Requests.Count);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private void Check(HttpListenerRequest request, string body)
    {
        void Fail(string what)
        {
            lock (Violations)
            {
                Violations.Add(what);
            }
        }

        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/v3/mail/send")
        {
            Fail($"{request.HttpMethod} {request.Url?.AbsolutePath}");
        }

        if (request.Headers["Authorization"] != "Bearer " + ApiKey)
        {
            Fail("Authorization header");
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            Fail("Content-Type " + request.ContentType);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var to = root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString();
            if (string.IsNullOrEmpty(to) || string.IsNullOrEmpty(root.GetProperty("from").GetProperty("email").GetString())
                || string.IsNullOrEmpty(root.GetProperty("subject").GetString()))
            {
                Fail("to, from or subject empty");
            }

            var content = root.GetProperty("content");
            if (content.GetArrayLength() != 2 || content[0].GetProperty("type").GetString() != "text/plain"
                || content[1].GetProperty("type").GetString() != "text/html")
            {
                Fail("content must be text/plain then text/html");
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            Fail("body: " + ex.Message);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One request: when it arrived, its JSON body and the status answered.</summary>
    public sealed record Received(TimeSpan At, string Body, int Status)
    {
        public string DigestKey => JsonDocument.Parse(Body).RootElement.GetProperty("custom_args").GetProperty("alert_key").GetString()!;

        public string To => JsonDocument.Parse(Body).RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
    }
}
