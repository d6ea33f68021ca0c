using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;
using Scheduler.Functions.State;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The real app in-process against the shared Azurite, with local triggers off, a known operator key and the
/// clock pinned to <see cref="Today"/>. Each test uses its own authority code, so tests never see each other's data.
/// </summary>
public sealed class ApiApp : WebApplicationFactory<Program>
{
    /// <summary>The operator key the app is configured with (its SHA-256 is set, never the key).</summary>
    public const string OperatorKey = "test-operator-key-not-for-production";

    private readonly AzuriteFixture _azurite;
    private readonly string _today;

    public ApiApp(AzuriteFixture azurite, string today)
    {
        _azurite = azurite;
        _today = today;
        Logs = new CapturingLoggerProvider();
    }

    /// <summary>Everything the app logged.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>The pinned date.</summary>
    public LocalDate Today => NodaTime.Text.LocalDatePattern.Iso.Parse(_today).Value;

    /// <summary>A client with no key.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client sending <paramref name="key"/> as X-Api-Key.</summary>
    public HttpClient WithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    /// <summary>A client with the operator key.</summary>
    public HttpClient Operator() => WithKey(OperatorKey);

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
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Asserts a 400 (or other) problem naming <paramref name="field"/>, and returns its reason.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
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

    /// <summary>A service from the app's container (singletons) or a fresh scope.</summary>
    public T Service<T>()
        where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Scheduler:LocalTriggers:Enabled", "false");
        builder.UseSetting("Scheduler:Storage:ConnectionString", _azurite.ConnectionString);
        builder.UseSetting("Scheduler:OperatorKeySha256", ApiKeyHasher.Hash(OperatorKey));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<IClock>(FixedClock.Parse(_today))));
    }
}
