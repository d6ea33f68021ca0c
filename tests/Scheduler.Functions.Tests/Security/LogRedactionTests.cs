using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Security;

/// <summary>
/// What the app logs about requests (docs/api.md, Access; docs/operations.md, Monitoring): paths as their route
/// templates, identifiers replaced by their kind, and never a key, whether it came in the header or as <c>?key=</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LogRedactionTests(AzuriteFixture azurite)
{
    private const string PersonalSegment = "Jane Doe 2010-01-01";

    [Fact]
    public async Task A_refused_personal_looking_path_is_logged_as_its_route_template()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        var other = TestApp.NewAuthority("ot");
        var otherKey = await app.CreateAuthorityAsync(other);
        var personal = "/api/authorities/" + code + "/cases/" + Uri.EscapeDataString(PersonalSegment);

        using (var own = app.Client(key))
        {
            Assert.True((int)(await own.GetAsync(personal)).StatusCode is 400 or 404);
            Assert.Equal(HttpStatusCode.BadRequest, (await own.PostAsync(personal, TestApp.Json(new { type = "CP" }))).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await own.PostAsync(personal + "/events", TestApp.Json(new { type = "strategy_discussion", date = "2017-12-11" }))).StatusCode);
        }

        using (var none = app.Client())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync(personal)).StatusCode);
        }

        using (var cross = app.Client(otherKey))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await cross.GetAsync(personal + "/milestones")).StatusCode);
        }

        var lines = app.Logs.Lines.ToList();
        foreach (var fragment in new[] { "Jane", "Doe", "2010-01-01", "Jane%20Doe" })
        {
            Assert.DoesNotContain(lines, l => l.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        }

        // The refusals are there, with the template instead of the path.
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Message == "Refused GET /api/authorities/{code}/cases/{caseRef}: key (none), status 401");
        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Refused GET /api/authorities/{code}/cases/{caseRef}/milestones: key k-", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Message.StartsWith("POST /api/authorities/{code}/cases/{caseRef}/events refused with 400", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_in_the_header_or_the_query_appear_in_no_log_line()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/authorities/{code}/calendar.ics?key={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await anonymous.GetAsync($"/api/authorities/{TestApp.NewAuthority("ot")}/calendar.ics?key={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities/{code}?key={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities?key={TestApp.OperatorKey}")).StatusCode);
        using (var header = app.Client(key))
        {
            Assert.Equal(HttpStatusCode.OK, (await header.GetAsync($"/api/authorities/{code}/worklist?days=5")).StatusCode);
        }

        var lines = app.Logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, l => l.Message.Contains(key, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains(TestApp.OperatorKey, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("?key=", StringComparison.OrdinalIgnoreCase) || l.Message.Contains("&key=", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071/api/authorities/croydon/calendar.ics?key=sk_croydon_abc", "http://127.0.0.1:7071/api/authorities/croydon/calendar.ics")]
    [InlineData("http://h/api/authorities/croydon/worklist?days=10&KEY=sk_x&assignee=a%40b.example", "http://h/api/authorities/croydon/worklist?days=10&assignee=a%40b.example")]
    [InlineData("http://h/api/authorities/croydon/cases/CP-DEMO-001", "http://h/api/authorities/croydon/cases/CP-DEMO-001")]
    [InlineData("http://h/api/authorities/croydon/cases/Jane%20Doe%202010-01-01/events", "http://h/api/authorities/croydon/cases/{caseRef}/events")]
    [InlineData("http://h/api/authorities/croydon/alerts/anything-at-all/acknowledge", "http://h/api/authorities/croydon/alerts/{key}/acknowledge")]
    [InlineData("http://h/api/authorities/croydon/children/Jane", "http://h/{*path}")]
    public void Telemetry_urls_lose_the_key_and_personal_looking_values(string sent, string recorded) =>
        Assert.Equal(recorded, Scheduler.Functions.Hosting.RequestTelemetryRedactor.SafeUrl(new Uri(sent)).ToString());

    [Fact]
    public void The_Functions_host_is_told_not_to_record_request_urls()
    {
        // In Azure the request rows of Application Insights are the Functions host's. With the extended HTTP
        // collection on (the default) the host's request-tracking module records the full URL, query string and
        // all; off, the host records the invocation under the function's name only (docs/operations.md, Monitoring).
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.FindRepoRoot(), "host.json")))!;
        var options = hostJson["logging"]?["applicationInsights"]?["httpAutoCollectionOptions"];
        Assert.NotNull(options);
        Assert.False(options!["enableHttpTriggerExtendedInfoCollection"]!.GetValue<bool>());
    }
}
