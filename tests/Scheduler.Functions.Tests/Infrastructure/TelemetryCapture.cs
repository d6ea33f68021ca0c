using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// A stand-in for the Application Insights ingestion endpoint on a free loopback port: it answers the SDK's
/// <c>POST /v2.1/track</c> (and <c>/v2/track</c>) as the service does, <c>{"itemsReceived":n,"itemsAccepted":n,"errors":[]}</c>,
/// and keeps every payload as posted (gzip undone), so a test can read exactly what would have left the machine.
/// Any other request (live metrics, for example) is kept too and answered 200 with an empty body.
/// </summary>
public sealed class TelemetryCapture : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _payloads = new();
    private readonly ConcurrentQueue<JsonObject> _items = new();

    private TelemetryCapture(WebApplication app) => _app = app;

    /// <summary>The server's base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>A connection string that sends telemetry and live metrics here (a made-up instrumentation key).</summary>
    public string ConnectionString =>
        $"InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint={BaseAddress};LiveEndpoint={BaseAddress}";

    /// <summary>Every body posted, as text.</summary>
    public IReadOnlyList<string> Payloads => [.. _payloads];

    /// <summary>Every telemetry item posted to the track endpoint.</summary>
    public IReadOnlyList<JsonObject> Items => [.. _items];

    /// <summary>Starts the server.</summary>
    public static async Task<TelemetryCapture> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var capture = new TelemetryCapture(app);
        app.Run(capture.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        capture.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return capture;
    }

    /// <summary>Polls <see cref="Items"/> until <paramref name="done"/> holds for what <paramref name="select"/> picks, or fails after <paramref name="timeout"/>.</summary>
    public async Task<List<JsonObject>> WaitForAsync(Func<IReadOnlyList<JsonObject>, List<JsonObject>> select, Func<List<JsonObject>, bool> done, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = select(Items);
            if (done(found))
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The expected telemetry did not arrive within {timeout}; {_payloads.Count} payloads, {_items.Count} items: "
                    + string.Join(", ", Items.Select(i => i["data"]?["baseType"]?.GetValue<string>()).Distinct()));
            }

            await Task.Delay(250);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Stream body = context.Request.Body;
        if (string.Equals(context.Request.Headers.ContentEncoding.ToString(), "gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        string text;
        using (var reader = new StreamReader(body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync();
        }

        _payloads.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n{text}");
        if (!context.Request.Path.Value!.EndsWith("/track", StringComparison.Ordinal))
        {
            context.Response.StatusCode = (int)HttpStatusCode.OK;
            return;
        }

        // The SDK posts newline-delimited JSON (application/x-json-stream), one telemetry item a line.
        var count = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (JsonNode.Parse(line) is JsonObject item)
            {
                _items.Enqueue(item);
                count++;
            }
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"itemsReceived\":{count},\"itemsAccepted\":{count},\"errors\":[]}}");
    }
}
