using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scheduler.Application;
using Scheduler.Functions.Tests.Api;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// The hostile-input suite (issue 13): hundreds of requests over every write route and dozens of case-events
/// envelopes. Each request must get a clean 4xx (an RFC 7807 problem naming the field for a 400) and each message a
/// reasoned poison envelope at once; after each, every table of the app is exactly as it was.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputTests(AzuriteFixture azurite, Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly LocalDate Today = new(2018, 4, 3);

    private readonly CaseEventsQueue _queue = new(azurite);

    /// <summary>An app with one authority, its case CP-H1 (strategy discussion, and event h-used), case CP-H2 and episode sif-2017-20170904.</summary>
    private static async Task<(TestApp App, string Code, string Key)> StartAsync(AzuriteFixture azurite)
    {
        var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority("hx");
        var key = await app.CreateAuthorityAsync(code);
        using var client = app.Client(key);
        var a = $"/api/authorities/{code}";
        await TestApp.ReadAsync(await client.PostAsync($"{a}/cases/CP-H1", TestApp.Json(new { type = "CP", events = new object[] { new { type = "strategy_discussion", date = "2017-12-13" }, new { id = "h-used", type = "referral_received", date = "2017-12-11" } } })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync($"{a}/cases/CP-H2", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync($"{a}/episodes", TestApp.Json(new { framework = "sif-2017", report_received = "2017-09-04", report_published = "2017-09-04" })), HttpStatusCode.Created);
        return (app, code, key);
    }

    [Fact]
    public async Task Every_hostile_request_to_every_write_route_gets_a_clean_4xx_and_changes_no_table()
    {
        var (app, code, key) = await StartAsync(azurite);
        await using var _ = app;
        using var authority = app.Client(key);
        using var op = app.Operator();
        var requests = HostileRequests.All(code);
        Assert.True(requests.Count >= 150, $"only {requests.Count} requests");
        Assert.Equal(7, requests.Select(r => r.Name.Split(':')[0]).Distinct().Count(n => !n.StartsWith("keys", StringComparison.Ordinal) && !n.StartsWith("purge", StringComparison.Ordinal) && !n.StartsWith("sweep", StringComparison.Ordinal)));

        var snapshots = TableSnapshot.Of(azurite, app.TablePrefix);
        var before = await snapshots.TakeAsync();
        Assert.Contains(before, t => t.Key.EndsWith("Cases", StringComparison.Ordinal) && t.Value.Contains("CP-H1", StringComparison.Ordinal));
        var failures = new List<string>();
        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await (request.Operator ? op : authority).SendAsync(message);
            var text = await response.Content.ReadAsStringAsync();
            var problem = Check(request, response, text);
            if (problem is not null)
            {
                failures.Add($"{request.Name}: {problem}");
            }

            var after = await snapshots.TakeAsync();
            if (TableSnapshot.Difference(before, after) is { } changed)
            {
                failures.Add($"{request.Name}: {changed}");
                before = after;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {requests.Count} hostile requests went wrong:\n" + string.Join("\n", failures));
        output.WriteLine($"{requests.Count} hostile requests over {requests.Select(r => r.Name.Split(':')[0]).Distinct().Count()} routes and access checks: each a clean 4xx, no table changed.");

        // The snapshot sees a write: a valid event changes the tables.
        await TestApp.ReadAsync(await authority.PostAsync($"/api/authorities/{code}/cases/CP-H1/events", TestApp.Json(new { type = "icpc_held", date = "2017-12-29" })), HttpStatusCode.Created);
        Assert.NotNull(TableSnapshot.Difference(before, await snapshots.TakeAsync()));
    }

    /// <summary>What is wrong with the answer to one hostile request, or null.</summary>
    private static string? Check(HostileRequest request, HttpResponseMessage response, string text)
    {
        if (response.StatusCode != request.Status)
        {
            return $"expected {(int)request.Status}, got {(int)response.StatusCode}: {Clip(text)}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not a problem document ({response.Content.Headers.ContentType?.MediaType})";
        }

        var problem = JsonNode.Parse(text)!.AsObject();
        if (problem["status"]?.GetValue<int>() != (int)request.Status)
        {
            return "the problem's status differs from the response's";
        }

        if (request.Field is { } field && problem["field"]?.GetValue<string>() != field)
        {
            return $"expected field '{field}', got '{problem["field"]}': {Clip(text)}";
        }

        if (request.Status == HttpStatusCode.BadRequest && string.IsNullOrWhiteSpace(problem["reason"]?.GetValue<string>()))
        {
            return "a 400 without a reason";
        }

        return text.Contains("Jane", StringComparison.Ordinal) ? "the problem repeats a value (Jane)" : null;
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";

    /// <summary>One hostile message: its body (text or raw bytes) and the start its poison reason must have.</summary>
    private sealed record HostileMessage(string Name, BinaryData Body, string ReasonStart);

    private static IReadOnlyList<HostileMessage> Messages(string code)
    {
        HostileMessage M(string name, string body, string reason) => new(name, BinaryData.FromString(body), reason);
        string E(object e, string eventId = "hq-1", string? authority = null, string kind = "case", string id = "CP-H1") => Envelopes.For(eventId, authority ?? code, kind, id, e);
        var icpc = new { type = "icpc_held", date = "2017-12-29" };
        var valid = E(icpc);
        return
        [
            M("not JSON", "not json at all", "$:"),
            M("an array", "[1,2]", "$:"),
            M("truncated JSON", valid[..^5], "$:"),
            M("40 levels of nesting", new string('[', 40) + new string(']', 40), "$:"),
            new("invalid UTF-8", new BinaryData([.. Encoding.UTF8.GetBytes(valid[..^3]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}}")]), "$:"),
            M("eventId missing", JsonSerializer.Serialize(new { authority = code, subject = new { kind = "case", id = "CP-H1" }, @event = icpc }), "eventId:"),
            M("eventId with a space", E(icpc, eventId: "a b"), "eventId:"),
            M("eventId of 129 characters", E(icpc, eventId: new string('e', 129)), "eventId:"),
            M("eventId a number", valid.Replace("\"hq-1\"", "12", StringComparison.Ordinal), "eventId:"),
            M("a duplicate eventId key", valid.Replace("{\"eventId\":\"hq-1\",", "{\"eventId\":\"hq-1\",\"eventId\":\"hq-2\",", StringComparison.Ordinal), "eventId:"),
            M("authority with an OData quote", E(icpc, authority: "x' or 1 eq 1"), "authority:"),
            M("authority with traversal", E(icpc, authority: "..\\..\\x"), "authority:"),
            M("subject missing", JsonSerializer.Serialize(new { eventId = "hq-1", authority = code, @event = icpc }), "subject:"),
            M("subject kind child", E(icpc, kind: "child"), "subject.kind:"),
            M("subject id with a slash", E(icpc, id: "a/b"), "subject.id:"),
            M("subject id with an OData quote", E(icpc, id: "' or PartitionKey ne '"), "subject.id:"),
            M("event missing", JsonSerializer.Serialize(new { eventId = "hq-1", authority = code, subject = new { kind = "case", id = "CP-H1" } }), "event:"),
            M("event a string", JsonSerializer.Serialize(new { eventId = "hq-1", authority = code, subject = new { kind = "case", id = "CP-H1" }, @event = "icpc_held" }), "event:"),
            M("an unknown event type", E(new { type = "tea_party", date = "2017-12-29" }), "event.type:"),
            M("30 February", E(new { type = "icpc_held", date = "2017-02-30" }), "event.date:"),
            M("a date before 1990", E(new { type = "icpc_held", date = "1985-01-01" }), "event.date:"),
            M("a future date", E(new { type = "icpc_held", date = "2018-04-04" }), "event.date:"),
            M("a NUL in the date", valid.Replace("2017-12-29", "2017-12-29\\u0000Jane Doe", StringComparison.Ordinal), "event.date:"),
            M("a lone surrogate in the date", valid.Replace("2017-12-29", "2017-12-2\\ud800", StringComparison.Ordinal), "event.date:"),
            M("a field the type does not take", E(new { type = "icpc_held", date = "2017-12-29", milestone = "Jane Doe DOB 01/02/2010" }), "event.milestone:"),
            M("a child's name in the event", E(new { type = "icpc_held", date = "2017-12-29", child_name = "Jane" }), "event.child_name:"),
            M("a date of birth nested in the event", E(new { type = "icpc_held", date = "2017-12-29", notes = new { dob = "2010-01-01" } }), "event.notes.dob:"),
            M("a name at the top", valid[..^1] + ",\"name\":\"Jane\"}", "name:"),
            M("an extra field", valid[..^1] + ",\"extra\":1}", "extra:"),
            M("an unknown event field whose name holds a dot", valid.Replace("\"date\":\"2017-12-29\"", "\"date\":\"2017-12-29\",\"x.y\":[\"Jane Doe\"]", StringComparison.Ordinal), "event.x.y:"),
            M("event.id differs from eventId", E(new { id = "other", type = "icpc_held", date = "2017-12-29" }), "event.id:"),
            M("a string of 1,001 characters", E(new { type = "icpc_held", date = "2017-12-29", kind = new string('k', 1_001) }), "event.kind:"),
            M("a lone surrogate in a field name", valid[..^1] + ",\"\\ud800\":1}", "$:"),
            M("an ICPC before its strategy discussion", E(new { type = "icpc_held", date = "2017-12-01" }), "event.date:"),
            M("a reused id with another payload", E(new { type = "referral_received", date = "2017-12-12" }, eventId: "h-used"), "eventId:"),
            M("a reused id on another case", E(new { type = "referral_received", date = "2017-12-11" }, eventId: "h-used", id: "CP-H2"), "eventId:"),
            M("an unknown authority", E(icpc, authority: "no-such-council"), "Authority 'no-such-council'"),
            M("an unknown case", E(icpc, id: "CP-NONE"), "Case 'CP-NONE'"),
            M("an episode event on a case", E(new { type = "action_plan_submitted", date = "2017-12-29" }), "event.type:"),
        ];
    }

    [Fact]
    public async Task Every_hostile_message_is_poisoned_at_once_with_its_reason_and_changes_no_table()
    {
        await _queue.DrainAsync();
        var (app, code, _) = await StartAsync(azurite);
        await using var __ = app;
        var messages = Messages(code);
        Assert.True(messages.Count >= 30, $"only {messages.Count} messages");
        var snapshots = TableSnapshot.Of(azurite, app.TablePrefix);
        var before = await snapshots.TakeAsync();
        var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);
        var failures = new List<string>();
        foreach (var hostile in messages)
        {
            await _queue.Queue.SendMessageAsync(hostile.Body);
            var received = await _queue.ReceiveAsync();
            try
            {
                await function.RunAsync(received, CancellationToken.None);
                await _queue.CompleteAsync(received);
            }
            catch (Exception ex)
            {
                failures.Add($"{hostile.Name}: the function threw {ex.GetType().Name} (the message would be redelivered)");
                await _queue.CompleteAsync(received);
            }

            var poisoned = await _queue.PoisonedAsync();
            await _queue.Poison.ClearMessagesAsync();
            if (poisoned.Count != 1)
            {
                failures.Add($"{hostile.Name}: {poisoned.Count} poison envelopes");
            }
            else
            {
                var reason = poisoned[0]["reason"]!.GetValue<string>();
                if (!reason.StartsWith(hostile.ReasonStart, StringComparison.Ordinal))
                {
                    failures.Add($"{hostile.Name}: reason '{reason}' does not start with '{hostile.ReasonStart}'");
                }

                if (poisoned[0].ToJsonString().Contains("Jane", StringComparison.Ordinal) || poisoned[0].ToJsonString().Contains("2010-01-01", StringComparison.Ordinal))
                {
                    failures.Add($"{hostile.Name}: the poison envelope keeps a personal value");
                }
            }

            var after = await snapshots.TakeAsync();
            if (TableSnapshot.Difference(before, after) is { } changed)
            {
                failures.Add($"{hostile.Name}: {changed}");
                before = after;
            }
        }

        // Not base64: the app's queue client moves it to poison unchanged as it receives it, as the Functions host does.
        var raw = new QueueClient(azurite.ConnectionString, QueueNames.CaseEvents, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None });
        await raw.SendMessageAsync("{not base64}");
        var batch = await app.Service<QueueServiceClient>().GetQueueClient(QueueNames.CaseEvents).ReceiveMessagesAsync(32);
        Assert.Empty(batch.Value);
        var rawPoison = new QueueClient(azurite.ConnectionString, QueueNames.Poison(QueueNames.CaseEvents), new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None });
        Assert.Equal("{not base64}", Assert.Single((await rawPoison.PeekMessagesAsync(32)).Value).Body.ToString());
        Assert.Equal(0, await _queue.CountAsync());
        Assert.Null(TableSnapshot.Difference(before, await snapshots.TakeAsync()));

        Assert.True(failures.Count == 0, $"{failures.Count} of {messages.Count + 1} hostile messages went wrong:\n" + string.Join("\n", failures));
        output.WriteLine($"{messages.Count + 1} hostile case-events messages: each poisoned at once with its reason, no table changed.");
    }
}
