using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary><c>POST /api/ops/sweep</c> and <c>GET /api/ops/outbox</c> on the real app, storage on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsEndpointTests(AzuriteFixture azurite)
{
    private const string OperatorKey = "op-test-key-123";

    [Fact]
    public async Task Operator_runs_a_sweep_and_gets_its_summary_others_are_refused()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + Guid.NewGuid().ToString("N"));
        await using var app = new App(azurite, outbox);
        using var client = app.CreateClient();

        var anonymous = await client.PostAsync("/api/ops/sweep", null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/ops/sweep") { Headers = { { "X-Api-Key", "not-the-key" } } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(wrong)).StatusCode);

        using var sweep = new HttpRequestMessage(HttpMethod.Post, "/api/ops/sweep") { Headers = { { "X-Api-Key", OperatorKey } } };
        var response = await client.SendAsync(sweep);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2017-12-11", summary.GetProperty("today").GetString());
        Assert.Equal(["2017-12-11"], summary.GetProperty("evaluatedDays").EnumerateArray().Select(d => d.GetString()));
        foreach (var field in new[] { "candidates", "newAlerts", "digestsEnqueued" })
        {
            Assert.Equal(JsonValueKind.Number, summary.GetProperty(field).ValueKind);
        }

        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/ops/outbox") { Headers = { { "X-Api-Key", OperatorKey } } };
        var listed = await (await client.SendAsync(list)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Path.GetFullPath(outbox), listed.GetProperty("directory").GetString());
        Assert.Equal(0, listed.GetProperty("count").GetInt32());
    }

    private sealed class App(AzuriteFixture azurite, string outbox) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Scheduler:LocalTriggers:Enabled", "false");
            builder.UseSetting("Scheduler:Storage:ConnectionString", azurite.ConnectionString);
            builder.UseSetting("Scheduler:OperatorKeySha256", ApiKeyHasher.Hash(OperatorKey));
            builder.UseSetting("Scheduler:Outbox:Directory", outbox);
            builder.UseSetting("Scheduler:Sweep:DispatchQueue", azurite.UniqueName("opsdispatch"));
            builder.UseSetting("SCHEDULER_TODAY", "2017-12-11");
            var prefix = azurite.UniqueName("ops");
            builder.ConfigureServices(s => s.AddSingleton(new SchedulerTables(new TableServiceClient(azurite.Connection), prefix)));
        }
    }
}
