using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Application.Ports;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Operations;

/// <summary><c>POST /api/ops/sweep</c> and <c>GET /api/ops/outbox</c> (docs/alerts.md) on the app, storage on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsEndpointTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2017, 12, 11);

    [Fact]
    public async Task Operator_runs_a_sweep_and_gets_its_summary_others_are_refused()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var authorityKey = await app.CreateAuthorityAsync(code);

        using var anonymous = app.Client();
        var none = await anonymous.PostAsync("/api/ops/sweep", null);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);

        // An unknown key is 401 like on every other route (the custom handler answered 403 here).
        using var wrong = app.Client("not-the-key");
        var unknown = await wrong.PostAsync("/api/ops/sweep", null);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);

        // A valid key that is not the operator's is 403.
        using var authority = app.Client(authorityKey);
        var forbidden = await authority.PostAsync("/api/ops/sweep", null);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await authority.GetAsync("/api/ops/outbox")).StatusCode);

        using var op = app.Operator();
        var summary = await TestApp.ReadAsync(await op.PostAsync("/api/ops/sweep", null), HttpStatusCode.OK);
        Assert.Equal("operator", summary["trigger"]!.GetValue<string>());
        Assert.Equal("2017-12-11", summary["today"]!.GetValue<string>());
        Assert.Equal(["2017-12-11"], summary["evaluatedDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("2017-12-11", summary["watermark"]!.GetValue<string>());
        foreach (var field in new[] { "candidates", "newAlerts", "digestsEnqueued", "authorities", "milestones", "durationMs" })
        {
            Assert.True(summary[field] is JsonValue value && value.TryGetValue<long>(out _), $"{field} is not a number: {summary.ToJsonString()}");
        }

        // A second run the same day is an ordinary sweep: the day is on the watermark, so nothing is evaluated again.
        var again = await TestApp.ReadAsync(await op.PostAsync("/api/ops/sweep", null), HttpStatusCode.OK);
        Assert.Empty(again["evaluatedDays"]!.AsArray());
        Assert.Equal(0, again["newAlerts"]!.GetValue<int>());
    }

    [Fact]
    public async Task Operator_lists_the_outbox()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        using var op = app.Operator();
        var expectedDirectory = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + app.TablePrefix));

        var empty = await TestApp.ReadAsync(await op.GetAsync("/api/ops/outbox"), HttpStatusCode.OK);
        Assert.Equal(expectedDirectory, empty["directory"]!.GetValue<string>());
        Assert.Equal(0, empty["count"]!.GetValue<int>());
        Assert.Empty(empty["emails"]!.AsArray());

        // Without a SendGrid key the app's email sender is the outbox.
        var message = new EmailMessage(
            "po@ops.example",
            "alerts@scheduler.example",
            "Oversight calendar: 1 item needs attention",
            "One item.\n",
            "<p>One item.</p>",
            "digest-ops-test-1",
            new Dictionary<string, string> { ["Message-ID"] = "<digest-ops-test-1@scheduler.example>" });
        try
        {
            await app.Service<IEmailSender>().SendAsync(message, default);
            var listed = await TestApp.ReadAsync(await op.GetAsync("/api/ops/outbox"), HttpStatusCode.OK);
            Assert.Equal(1, listed["count"]!.GetValue<int>());
            var email = Assert.Single(listed["emails"]!.AsArray())!.AsObject();
            Assert.Equal(["fileName", "to", "subject", "messageId", "date", "sizeBytes"], email.Select(p => p.Key));
            Assert.Equal("digest-ops-test-1.eml", email["fileName"]!.GetValue<string>());
            Assert.Equal("po@ops.example", email["to"]!.GetValue<string>());
            Assert.Equal(message.Subject, email["subject"]!.GetValue<string>());
            Assert.Equal("<digest-ops-test-1@scheduler.example>", email["messageId"]!.GetValue<string>());
            Assert.True(email["sizeBytes"]!.GetValue<long>() > 0);
        }
        finally
        {
            if (Directory.Exists(expectedDirectory))
            {
                Directory.Delete(expectedDirectory, recursive: true);
            }
        }
    }
}
