using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// The <c>case-events</c> queue (docs/api.md): the same payloads as the API inside an envelope, idempotent on
/// <c>eventId</c>; a message that can never succeed goes to <c>case-events-poison</c> at once with the reason, and
/// anything else is left to the platform to redeliver. Messages travel on the real Azurite queue and are handed to
/// the <see cref="CaseEvents"/> function class as the worker hands them: a received <c>QueueMessage</c>.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEventsTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2018, 1, 2);

    private readonly CaseEventsQueue _queue = new(azurite);

    private static string Envelope(string eventId, string authority, string caseRef, object e) =>
        JsonSerializer.Serialize(new { eventId, authority, subject = new { kind = "case", id = caseRef }, @event = e });

    /// <summary>Receives <paramref name="body"/> from the queue and runs the function on it; completes the message when the function does.</summary>
    private async Task DeliverAsync(TestApp app, string body)
    {
        var message = await _queue.SendAndReceiveAsync(body);
        await RunAsync(app, message);
    }

    private async Task RunAsync(TestApp app, Azure.Storage.Queues.Models.QueueMessage message)
    {
        var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);
        await function.RunAsync(message, CancellationToken.None);
        await _queue.CompleteAsync(message);
    }

    private static async Task<string> CreateCaseAuthorityAsync(TestApp app, string code, params string[] caseRefs)
    {
        var key = await app.CreateAuthorityAsync(code);
        using var client = app.Client(key);
        foreach (var caseRef in caseRefs)
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        }

        return key;
    }

    [Fact]
    public async Task A_replayed_or_redelivered_message_changes_nothing()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await CreateCaseAuthorityAsync(app, code, "CP-Q", "CP-R"));
        var body = Envelope("evt-0001", code, "CP-Q", new { type = "strategy_discussion", date = "2017-12-13" });

        await DeliverAsync(app, body);
        var once = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Q"), HttpStatusCode.OK);
        Assert.Equal(2, once["version"]!.GetValue<long>());
        Assert.Equal("evt-0001", once["events"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("queue:case-events", once["events"]![0]!["recorded_by"]!.GetValue<string>());
        Assert.Equal("2018-01-08", once["milestones"]!.AsArray().Single(m => m!["rule"]!.GetValue<string>() == "icpc_15wd")!["due"]!.GetValue<string>());
        Assert.Equal(0, await _queue.CountAsync());

        // Redelivered (the platform lost the completion: same message, second delivery) and replayed (sent again).
        var redelivered = await _queue.SendAndReceiveAsync(body);
        await _queue.ReleaseAsync(redelivered);
        var second = await _queue.ReceiveAsync();
        Assert.Equal(2, second.DequeueCount);
        await RunAsync(app, second);
        await DeliverAsync(app, body);
        var twice = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Q"), HttpStatusCode.OK);
        Assert.Equal(once.ToJsonString(), twice.ToJsonString());

        // The same id through the HTTP API is recognised too.
        var viaApi = await client.PostAsync($"/api/authorities/{code}/cases/CP-Q/events", TestApp.Json(new { id = "evt-0001", type = "strategy_discussion", date = "2017-12-13" }));
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);
        Assert.Empty(await _queue.PoisonedAsync());

        // Reusing the id for another subject is refused permanently.
        await DeliverAsync(app, Envelope("evt-0001", code, "CP-R", new { type = "strategy_discussion", date = "2017-12-13" }));
        var reused = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.Contains("eventId", reused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var other = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-R"), HttpStatusCode.OK);
        Assert.Equal(1, other["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("{\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"}}", "eventId")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"child\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"}}", "subject.kind")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\",\"surname\":\"Smith\"}}", "event.surname")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"1985-01-01\"}}", "event.date")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"},\"extra\":1}", "extra")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"id\":\"e2\",\"type\":\"icpc_held\",\"date\":\"2018-01-01\"}}", "event.id")]
    public async Task Invalid_messages_are_poisoned_at_once_with_the_field_in_the_reason(string body, string field)
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var message = await _queue.SendAndReceiveAsync(body);
        await RunAsync(app, message);

        // The poison envelope: {reason, failedAt, dequeueCount, queueName, messageId, originalMessage}.
        var poisoned = Assert.Single(await _queue.PoisonedAsync())!.AsObject();
        Assert.Equal(["reason", "failedAt", "dequeueCount", "queueName", "messageId", "originalMessage"], poisoned.Select(p => p.Key));
        var reason = poisoned["reason"]!.GetValue<string>();
        Assert.StartsWith(field + ":", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Smith", reason, StringComparison.Ordinal);
        Assert.Equal(InstantPattern.ExtendedIso.Format(app.Clock.GetCurrentInstant()), poisoned["failedAt"]!.GetValue<string>());
        Assert.Equal(1, poisoned["dequeueCount"]!.GetValue<long>());
        Assert.Equal("case-events", poisoned["queueName"]!.GetValue<string>());
        Assert.Equal(message.MessageId, poisoned["messageId"]!.GetValue<string>());
        // The copy keeps every field; the refused field (a personal-data field, or a value refused for its shape)
        // keeps its place without its value (docs/operations.md, "What a poison queue holds").
        var original = body.StartsWith('{') ? JsonNode.Parse(body)! : JsonValue.Create(body);
        var parts = field.Split('.');
        var parent = parts[..^1].Aggregate((JsonNode?)original, (node, name) => node?[name]);
        if (parent is JsonObject o && o.ContainsKey(parts[^1]))
        {
            o[parts[^1]] = "[withheld]";
        }

        Assert.True(JsonNode.DeepEquals(original, poisoned["originalMessage"]), poisoned.ToJsonString());
        Assert.DoesNotContain("Smith", poisoned.ToJsonString(), StringComparison.Ordinal);

        // The function completed, so the message is off the queue.
        Assert.Equal(0, await _queue.CountAsync());
    }

    [Fact]
    public async Task Unknown_subjects_and_impossible_events_are_poisoned()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-Z", TestApp.Json(new { type = "CP", events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } } })), HttpStatusCode.Created);

        await DeliverAsync(app, Envelope("e-404", code, "CP-NONE", new { type = "icpc_held", date = "2017-12-29" }));
        await DeliverAsync(app, Envelope("e-early", code, "CP-Z", new { type = "icpc_held", date = "2017-12-01" }));
        await DeliverAsync(app, Envelope("e-noauth", "no-such-council", "CP-Z", new { type = "icpc_held", date = "2017-12-29" }));

        var poisoned = await _queue.PoisonedAsync();
        Assert.Equal(3, poisoned.Count);
        string ReasonFor(string eventId) => poisoned.Single(p => p!["originalMessage"]!["eventId"]!.GetValue<string>() == eventId)!["reason"]!.GetValue<string>();
        Assert.Contains("does not exist", ReasonFor("e-404"), StringComparison.Ordinal);
        Assert.StartsWith("event.date:", ReasonFor("e-early"), StringComparison.Ordinal);
        Assert.Contains("does not exist", ReasonFor("e-noauth"), StringComparison.Ordinal);

        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Z"), HttpStatusCode.OK);
        Assert.Equal(1, read["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_storage_failure_is_left_to_the_platform_to_redeliver_and_the_redelivery_records_the_event_once()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await CreateCaseAuthorityAsync(app, code, "CP-S"));

        // The due index is unreachable (its table is gone): recording the event cannot finish.
        var dueIndex = app.Service<SchedulerTables>().DueIndex;
        await dueIndex.DeleteAsync();
        var first = await _queue.SendAndReceiveAsync(Envelope("evt-s1", code, "CP-S", new { type = "strategy_discussion", date = "2017-12-13" }));
        var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);
        await Assert.ThrowsAsync<RequestFailedException>(() => function.RunAsync(first, CancellationToken.None));
        Assert.Empty(await _queue.PoisonedAsync());

        // The platform redelivers once the cause is gone; the event is recorded once.
        await dueIndex.CreateIfNotExistsAsync();
        await _queue.ReleaseAsync(first);
        var second = await _queue.ReceiveAsync();
        Assert.Equal(2, second.DequeueCount);
        await RunAsync(app, second);
        Assert.Empty(await _queue.PoisonedAsync());
        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-S"), HttpStatusCode.OK);
        Assert.Equal("evt-s1", Assert.Single(read["events"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_running_app_consumes_the_queue_and_poisons_what_it_refuses()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today, new Dictionary<string, string?> { ["Scheduler:Sweep:Schedule"] = "0 0 6 * * *" }, triggers: true);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await CreateCaseAuthorityAsync(app, code, "CP-H"));

        await _queue.Queue.SendMessageAsync(Envelope("evt-host-1", code, "CP-H", new { type = "strategy_discussion", date = "2017-12-13" }));
        await _queue.Queue.SendMessageAsync("{\"eventId\":\"x\"}");

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonObject read;
        IReadOnlyList<JsonNode> poisoned;
        do
        {
            await Task.Delay(200);
            read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-H"), HttpStatusCode.OK);
            poisoned = await _queue.PoisonedAsync();
        }
        while ((read["version"]!.GetValue<long>() < 2 || poisoned.Count == 0) && DateTime.UtcNow < deadline);

        Assert.Equal("evt-host-1", read["events"]![0]!["id"]!.GetValue<string>());
        var refused = Assert.Single(poisoned)!;
        Assert.StartsWith("authority:", refused["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("x", refused["originalMessage"]!["eventId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_episode_event_is_recorded_from_the_queue()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 1));
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(new { framework = "sif-2017", report_received = "2017-09-04" })), HttpStatusCode.Created);

        await DeliverAsync(app, JsonSerializer.Serialize(new
        {
            eventId = "lcs-2017-000042",
            authority = code,
            subject = new { kind = "episode", id = "sif-2017-20170904" },
            @event = new { type = "action_plan_submitted", date = "2017-11-20" },
        }));

        Assert.Empty(await _queue.PoisonedAsync());
        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/episodes/sif-2017-20170904"), HttpStatusCode.OK);
        var recorded = Assert.Single(read["events"]!.AsArray())!;
        Assert.Equal("lcs-2017-000042", recorded["id"]!.GetValue<string>());
        Assert.Equal("queue:case-events", recorded["recorded_by"]!.GetValue<string>());
        var plan = read["milestones"]!.AsArray().Single(m => m!["rule"]!.GetValue<string>() == "action_plan_submission")!;
        Assert.Equal("met", plan["status"]!.GetValue<string>());
        Assert.Equal("2017-11-20", plan["met"]!.GetValue<string>());
    }
}
