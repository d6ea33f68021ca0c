using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Security;

/// <summary>
/// The local system as <c>scripts/run</c> runs it (the local host as its own process, its console output in a log
/// file, Azurite, the demo seed) with Application Insights switched on and pointed at a local server that keeps every
/// telemetry payload the SDK posts: a calendar subscription's key, freshly issued and sent as <c>?key=</c>, appears in
/// neither, while the requests themselves do.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalSystemLeakTests(AzuriteFixture azurite)
{
    private const string OperatorKey = "leak-test-operator-key-not-for-production";

    [Fact]
    public async Task A_feed_key_appears_in_no_log_file_and_no_telemetry()
    {
        await using var telemetry = await TelemetryCapture.StartAsync();
        await using var host = await LocalHostProcess.StartAsync(azurite, OperatorKey, telemetry.ConnectionString);
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

        var issue = new HttpRequestMessage(HttpMethod.Post, "/api/authorities/croydon/keys") { Content = TestApp.Json(new { label = "Outlook feed" }) };
        issue.Headers.Add("X-Api-Key", OperatorKey);
        var issued = await TestApp.ReadAsync(await http.SendAsync(issue), HttpStatusCode.Created);
        var key = issued["key"]!.GetValue<string>();

        for (var i = 0; i < 3; i++)
        {
            var feed = await http.GetAsync($"/api/authorities/croydon/calendar.ics?key={Uri.EscapeDataString(key)}");
            Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
            Assert.StartsWith("BEGIN:VCALENDAR", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Refused: another authority's feed, a route that does not take ?key=, and the operator key in a query.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/authorities/bromley/calendar.ics?key={Uri.EscapeDataString(key)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/authorities/croydon/worklist?key={Uri.EscapeDataString(key)}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/authorities?key={OperatorKey}")).StatusCode);
        var withHeader = new HttpRequestMessage(HttpMethod.Get, "/api/authorities/croydon/calendar.ics");
        withHeader.Headers.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(withHeader)).StatusCode);

        // The captured telemetry holds the feed request (so the checks below look at something), its URL kept
        // without the key.
        var requests = await telemetry.WaitForAsync(
            items => items.Where(IsRequest).Where(r => Url(r).Contains("/calendar.ics", StringComparison.Ordinal)).ToList(),
            found => found.Count(r => ResponseCode(r) == "200") >= 4 && found.Any(r => ResponseCode(r) == "403"),
            TimeSpan.FromSeconds(90));
        Assert.Contains(requests, r => Url(r) == $"{host.BaseAddress.ToString().TrimEnd('/')}/api/authorities/croydon/calendar.ics" && ResponseCode(r) == "200");
        Assert.Contains(requests, r => ResponseCode(r) == "403");

        var logText = await host.StopAndReadLogAsync();
        Assert.Contains("/api/authorities/{code}/calendar.ics", logText, StringComparison.Ordinal);
        var payloads = telemetry.Payloads;
        Assert.NotEmpty(payloads);
        foreach (var secret in new[] { key, Uri.EscapeDataString(key), OperatorKey })
        {
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
            Assert.DoesNotContain(payloads, p => p.Contains(secret, StringComparison.Ordinal));
        }

        Assert.DoesNotContain("?key=", logText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(payloads, p => p.Contains("?key=", StringComparison.OrdinalIgnoreCase) || p.Contains("&key=", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsRequest(JsonObject item) => item["data"]?["baseType"]?.GetValue<string>() == "RequestData";

    private static string Url(JsonObject item) => item["data"]?["baseData"]?["url"]?.GetValue<string>() ?? string.Empty;

    private static string ResponseCode(JsonObject item) => item["data"]?["baseData"]?["responseCode"]?.GetValue<string>() ?? string.Empty;
}
