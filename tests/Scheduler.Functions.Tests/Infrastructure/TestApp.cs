using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Testing;
using Scheduler.Application.Authorities;
using Scheduler.LocalHost;

namespace Scheduler.Functions.Tests.Infrastructure;

/// <summary>
/// The app as the local host runs it (the same function classes, services and HTTP routes), in process on a test
/// server, against the shared Azurite, with a fake clock and its own table prefix, so tests never see each other's
/// rows. Timers and queue pollers are off unless asked for; tests invoke the trigger functions themselves.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    /// <summary>The operator key the app is configured with (its SHA-256 is set, never the key).</summary>
    public const string OperatorKey = "test-operator-key-not-for-production";

    /// <summary>The key the app signs action links with (at least 32 bytes, as the options require).</summary>
    public const string LinkSecret = "test-link-secret-for-the-functions-tests-not-for-production";

    private readonly WebApplication _app;

    private TestApp(WebApplication app, FakeClock clock, CapturingLoggerProvider logs, string tablePrefix, Uri? baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Clock = clock;
        Logs = logs;
        TablePrefix = tablePrefix;
    }

    /// <summary>The app's clock (stopped at noon London on the start day).</summary>
    public FakeClock Clock { get; }

    /// <summary>"Today" in London on the app's clock.</summary>
    public LocalDate Today => Clock.InZone(Scheduler.Application.SchedulerTime.London).GetCurrentDate();

    /// <summary>Everything the app logged.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>The prefix of this app's tables.</summary>
    public string TablePrefix { get; }

    /// <summary>Where the app listens on Kestrel (a real loopback socket, for a browser); null on the in-process test server.</summary>
    public Uri? BaseAddress { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts an app; <paramref name="settings"/> adds or overrides configuration, <paramref name="services"/> replaces
    /// services. With <paramref name="kestrel"/> it listens on a free loopback port (its public base URL) instead
    /// of the in-process test server, so a real browser can reach it.
    /// </summary>
    public static async Task<TestApp> StartAsync(
        AzuriteFixture azurite,
        LocalDate today,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool triggers = false,
        bool kestrel = false)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var clock = TestClocks.OnDay(today);
        var logs = new CapturingLoggerProvider();
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var baseAddress = kestrel ? new Uri($"http://127.0.0.1:{FreePort()}") : null;
        List<string> args = triggers ? [] : [LocalHostApp.NoTriggersFlag];
        if (baseAddress is not null)
        {
            args.AddRange(["--urls", baseAddress.GetLeftPart(UriPartial.Authority)]);
        }

        var app = LocalHostApp.Build([.. args], builder =>
        {
            if (baseAddress is null)
            {
                builder.WebHost.UseTestServer();
            }
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Scheduler:Storage:ConnectionString"] = azurite.ConnectionString,
                ["Scheduler:Storage:TablePrefix"] = prefix,
                ["Scheduler:OperatorKeySha256"] = ApiKeyHasher.Hash(OperatorKey),
                ["Scheduler:Outbox:Directory"] = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + prefix),
                ["Scheduler:SeedDemo"] = "false",
                ["Scheduler:Sweep:Schedule"] = "0 0 6 * * *",
                ["Scheduler:Sweep:RecoverySchedule"] = Scheduler.Application.Alerts.Sweep.SweepOptions.DefaultRecoverySchedule,
                ["Scheduler:Links:Secret"] = LinkSecret,
            });
            if (baseAddress is not null)
            {
                builder.Configuration.AddInMemoryCollection([new("Scheduler:PublicBaseUrl", baseAddress.GetLeftPart(UriPartial.Authority))]);
            }
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.AddProvider(logs);
            builder.Services.Replace(ServiceDescriptor.Singleton<IClock>(clock));
            services?.Invoke(builder.Services);
        });
        await app.StartAsync();
        return new TestApp(app, clock, logs, prefix, baseAddress);
    }

    /// <summary>A client sending <paramref name="key"/> as <c>X-Api-Key</c> (none when null).</summary>
    public HttpClient Client(string? key = null)
    {
        var client = BaseAddress is null ? _app.GetTestClient() : new HttpClient { BaseAddress = BaseAddress };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>A client with the operator key.</summary>
    public HttpClient Operator() => Client(OperatorKey);

    /// <summary>A service from the app's container.</summary>
    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A fresh authority code for one test.</summary>
    public static string NewAuthority(string prefix = "la") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    /// <summary>Creates an authority (operator) and issues it a key; returns the key.</summary>
    public async Task<string> CreateAuthorityAsync(string code, object? body = null)
    {
        using var op = Operator();
        var put = await op.PutAsync($"/api/authorities/{code}", Json(body ?? new
        {
            name = $"Test authority {code}",
            contacts = new Dictionary<string, object> { ["PO"] = new[] { "po@" + code + ".example" }, ["DCS"] = "dcs@" + code + ".example" },
        }));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var keys = await op.PostAsync($"/api/authorities/{code}/keys", null);
        Assert.Equal(HttpStatusCode.Created, keys.StatusCode);
        return (await keys.Content.ReadFromJsonAsync<JsonObject>())!["key"]!.GetValue<string>();
    }

    /// <summary>JSON content.</summary>
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    /// <summary>Raw JSON content.</summary>
    public static StringContent Raw(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>The response body as a JSON object (asserting the status first).</summary>
    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a problem with <paramref name="status"/> naming <paramref name="field"/>, and returns its reason.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.Equal(field, problem["field"]?.GetValue<string>());
        var reason = problem["reason"]?.GetValue<string>();
        Assert.False(string.IsNullOrWhiteSpace(reason), text);
        return reason!;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
