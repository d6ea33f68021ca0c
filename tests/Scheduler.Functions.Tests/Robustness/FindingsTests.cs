using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
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
/// The six findings of the hostile-input and fault run (issue 13), one test each, written before the fixes. Each
/// asserts the behaviour the issue asks for: a clean refusal naming the field, or a correct result.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FindingsTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2018, 4, 3);

    private readonly CaseEventsQueue _queue = new(azurite);

    private async Task DeliverAsync(TestApp app, string body)
    {
        var message = await _queue.SendAndReceiveAsync(body);
        var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);
        await function.RunAsync(message, CancellationToken.None);
        await _queue.CompleteAsync(message);
    }

    private static async Task<HttpClient> CaseAuthorityAsync(TestApp app, string code, string type, params string[] caseRefs)
    {
        var client = app.Client(await app.CreateAuthorityAsync(code));
        foreach (var caseRef in caseRefs)
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}", TestApp.Json(new { type })), HttpStatusCode.Created);
        }

        return client;
    }

    [Fact]
    public async Task Finding_1_a_NUL_character_in_a_date_is_refused_over_the_api_and_the_queue_and_never_stored()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-NUL");
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-NUL/events", TestApp.Json(new { type = "icpc_held", date = "2017-11-20" })), HttpStatusCode.Created);
        const string smuggled = "{\"type\":\"cp_visit_made\",\"date\":\"2017-12-01\\u0000Jane Doe born 2010-01-01\"}";

        var response = await client.PostAsync($"/api/authorities/{code}/cases/CP-NUL/events", TestApp.Raw(smuggled));
        var reason = await TestApp.AssertProblemAsync(response, HttpStatusCode.BadRequest, "date");
        Assert.DoesNotContain("Jane", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", reason, StringComparison.Ordinal);

        await DeliverAsync(app, $"{{\"eventId\":\"e-nul\",\"authority\":\"{code}\",\"subject\":{{\"kind\":\"case\",\"id\":\"CP-NUL\"}},\"event\":{smuggled}}}");
        var poisoned = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.StartsWith("event.date:", poisoned["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", poisoned.ToJsonString(), StringComparison.Ordinal);

        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-NUL"), HttpStatusCode.OK);
        Assert.Single(read["events"]!.AsArray());
        Assert.DoesNotContain("Jane", read.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_2_a_field_the_event_type_does_not_take_is_refused_and_audit_rows_record_only_the_change()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-FLD");
        var events = $"/api/authorities/{code}/cases/CP-FLD/events";

        await TestApp.AssertProblemAsync(
            await client.PostAsync(events, TestApp.Json(new { type = "cp_visit_made", date = "2017-12-01", milestone = "Jane Doe DOB 01/02/2010 1 High St" })),
            HttpStatusCode.BadRequest,
            "milestone");
        await TestApp.AssertProblemAsync(
            await client.PostAsync(events, TestApp.Json(new { type = "icpc_held", date = "2017-12-01", kind = new string('x', 60_000) })),
            HttpStatusCode.BadRequest,
            "kind");
        await DeliverAsync(app, Envelopes.For("e-fld", code, "case", "CP-FLD", new { type = "cp_visit_made", date = "2017-12-01", judgement = "good" }));
        Assert.StartsWith("event.judgement:", Assert.Single(await _queue.PoisonedAsync())!["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Each audit row holds the one change: the third event's row does not repeat the first two.
        foreach (var (e, i) in Envelopes.ChildProtection.Take(3).Select((e, i) => (e, i)))
        {
            await TestApp.ReadAsync(await client.PostAsync(events, TestApp.Json(e)), HttpStatusCode.Created);
        }

        var rows = new List<Scheduler.Application.Audit.AuditEntry>();
        await foreach (var entry in app.Service<Scheduler.Application.Ports.IAuditLog>().ReadMonthAsync(code, app.Clock.GetCurrentInstant(), default))
        {
            rows.Add(entry);
        }

        var recorded = rows.Where(r => r.Operation == "case.event.recorded").ToList();
        Assert.Equal(3, recorded.Count);
        var s47 = recorded.Single(r => r.After!.Contains("s47_started", StringComparison.Ordinal));
        Assert.DoesNotContain("referral_received", s47.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("strategy_discussion", s47.After!, StringComparison.Ordinal);
        Assert.DoesNotContain("referral_received", s47.Before ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_3_events_sent_newest_first_over_the_queue_are_all_recorded()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-NEW", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/LAC-NEW", TestApp.Json(new { type = "LAC" })), HttpStatusCode.Created);

        var cp = Envelopes.ChildProtection.Select((e, i) => Envelopes.For($"cp-{i}", code, "case", "CP-NEW", e)).Reverse().ToList();
        var lac = Envelopes.LookedAfter.Select((e, i) => Envelopes.For($"lac-{i}", code, "case", "LAC-NEW", e)).Reverse().ToList();
        foreach (var body in cp.Concat(lac))
        {
            await DeliverAsync(app, body);
        }

        var poisoned = await _queue.PoisonedAsync();
        Assert.True(poisoned.Count == 0, string.Join("\n", poisoned.Select(p => p["reason"]!.GetValue<string>())));
        var cpCase = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-NEW"), HttpStatusCode.OK);
        var lacCase = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/LAC-NEW"), HttpStatusCode.OK);
        Assert.Equal(20, cpCase["events"]!.AsArray().Count);
        Assert.Equal(10, lacCase["events"]!.AsArray().Count);
        client.Dispose();
    }

    [Fact]
    public async Task Finding_4_undecodable_and_oversized_messages_go_to_poison_at_once_and_are_never_redelivered()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-BIG");

        // A lone surrogate escape: JSON that parses, but whose string is not text.
        await DeliverAsync(app, $"{{\"eventId\":\"e-sur\",\"authority\":\"{code}\",\"subject\":{{\"kind\":\"case\",\"id\":\"CP-BIG\"}},\"event\":{{\"type\":\"icpc_held\",\"date\":\"2017-11-2\\ud800\"}}}}");
        var surrogate = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.StartsWith("event.date:", surrogate["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // 48,966 characters: the message fits the queue, its poison envelope would not.
        await _queue.DrainAsync();
        // Fifty-three unknown fields: the first is refused (and its value withheld), the others stay in the copy.
        var big = JsonSerializer.Serialize(new { eventId = "e-big", authority = code, subject = new { kind = "case", id = "CP-BIG" }, @event = new { type = "icpc_held", date = "2017-11-20" } });
        big = big[..^1] + string.Concat(Enumerable.Range(0, 53).Select(i => $",\"x{i:D2}\":\"{new string((char)('a' + (i % 26)), 900)}\""));
        big += ",\"pad\":\"" + new string('p', 48_966 - big.Length - 10) + "\"}";
        Assert.Equal(48_966, big.Length);
        await DeliverAsync(app, big);
        var truncated = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.StartsWith("x00:", truncated["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(truncated["truncated"]!.GetValue<bool>());
        Assert.Equal(48_966, truncated["originalLength"]!.GetValue<int>());
        Assert.StartsWith("{\"eventId\":\"e-big\"", truncated["originalMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await _queue.CountAsync());

        // Not UTF-8 (valid base64 of invalid bytes): poisoned with the reason, not redelivered.
        await _queue.DrainAsync();
        var message = await _queue.Queue.SendMessageAsync(new BinaryData(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }));
        var received = await _queue.ReceiveAsync();
        await ActivatorUtilities.CreateInstance<CaseEvents>(app.Services).RunAsync(received, CancellationToken.None);
        await _queue.CompleteAsync(received);
        var notText = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.StartsWith("$:", notText["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(message.Value.MessageId, notText["messageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Finding_4_the_local_host_moves_a_message_that_is_not_base64_to_poison_at_once_and_keeps_consuming()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today, new Dictionary<string, string?> { ["Scheduler:Sweep:Schedule"] = "0 0 6 * * *" }, triggers: true);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-B64");
        var raw = new QueueClient(azurite.ConnectionString, QueueNames.CaseEvents, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None });

        await raw.SendMessageAsync("{not base64 at all}");
        await _queue.Queue.SendMessageAsync(Envelopes.For("e-after", code, "case", "CP-B64", new { type = "strategy_discussion", date = "2017-12-13" }));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        long version;
        int poisonCount;
        do
        {
            await Task.Delay(200);
            version = (await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-B64"), HttpStatusCode.OK))["version"]!.GetValue<long>();
            poisonCount = (await _queue.Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        }
        while ((version < 2 || poisonCount == 0) && DateTime.UtcNow < deadline);

        Assert.Equal(2, version);
        var rawPoison = new QueueClient(azurite.ConnectionString, QueueNames.Poison(QueueNames.CaseEvents), new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None });
        var peeked = Assert.Single((await rawPoison.PeekMessagesAsync(32)).Value);
        Assert.Equal("{not base64 at all}", peeked.Body.ToString());
        Assert.Equal(0, await _queue.CountAsync());
    }

    [Fact]
    public async Task Finding_5_bad_text_ids_bodies_and_dates_are_400s_naming_the_field_not_500s()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-500");
        using var op = app.Operator();
        var episodes = $"/api/authorities/{code}/episodes";
        await TestApp.ReadAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "2017-09-04" })), HttpStatusCode.Created);

        // Invalid UTF-8 and a lone surrogate in a string.
        using var notUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"type\":\"icpc_held\",\"date\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        notUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-500/events", notUtf8), HttpStatusCode.BadRequest, "$");
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-500/events", TestApp.Raw("{\"type\":\"icpc_held\",\"date\":\"\\ud800\"}")), HttpStatusCode.BadRequest, "date");

        // Episode ids with '\', '#', '?', a control character, or longer than 1,024 characters.
        foreach (var id in new[] { "a%5Cb", "a%23b", "a%3Fb", "a%01b", new string('e', 1_100) })
        {
            await TestApp.AssertProblemAsync(await client.GetAsync($"{episodes}/{id}"), HttpStatusCode.BadRequest, "id");
            await TestApp.AssertProblemAsync(await client.PostAsync($"{episodes}/{id}/events", TestApp.Json(new { type = "action_plan_submitted", date = "2017-11-20" })), HttpStatusCode.BadRequest, "id");
        }

        // Authority bodies whose contacts or escalation policy would not fit a table property.
        var contacts = new Dictionary<string, string[]>();
        foreach (var role in new[] { "PO", "DCS", "CEX", "IBC", "DFE", "COM", "OFS", "IRO", "CPC", "TM", "HOS" })
        {
            contacts[role] = [.. Enumerable.Range(0, 50).Select(i => $"{role.ToLowerInvariant()}.officer.number.{i:D3}@{new string('d', 20)}.example")];
        }

        await TestApp.AssertProblemAsync(await op.PutAsync($"/api/authorities/{code}", TestApp.Json(new { name = "Big", contacts })), HttpStatusCode.BadRequest, "contacts");
        var escalation = Enumerable.Repeat("HOS", 9_000).ToArray();
        await TestApp.AssertProblemAsync(await op.PutAsync($"/api/authorities/{code}", TestApp.Json(new { name = "Big", escalation_policy = new { groups = new { ChildProtection = new { escalation } } } })), HttpStatusCode.BadRequest, "escalation_policy");
        var spaced = "{\"name\":\"Spaced\",\"parameters\":{\"horizon_years\":" + new string(' ', 40_000) + "2}}";
        var put = await op.PutAsync($"/api/authorities/{code}", TestApp.Raw(spaced));
        Assert.True(put.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"parameters padded past a table property: {(int)put.StatusCode}");

        // Content-Type is checked; a name with CR/LF is refused; a report received in the future is refused.
        using var text = new StringContent("{\"type\":\"CP\"}", Encoding.UTF8, "text/plain");
        var plain = await client.PostAsync($"/api/authorities/{code}/cases/CP-TXT", text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal("application/problem+json", plain.Content.Headers.ContentType?.MediaType);
        await TestApp.AssertProblemAsync(await op.PutAsync($"/api/authorities/{code}", TestApp.Json(new { name = "Line one\r\nBcc: x@example.org" })), HttpStatusCode.BadRequest, "name");
        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "2018-04-04" })), HttpStatusCode.BadRequest, "report_received");
    }

    [Fact]
    public async Task Finding_6_a_reused_event_id_with_a_different_payload_is_a_409_at_the_api_and_poisoned_on_the_queue()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-ID");
        var events = $"/api/authorities/{code}/cases/CP-ID/events";

        await TestApp.ReadAsync(await client.PostAsync(events, TestApp.Json(new { id = "lcs-1", type = "strategy_discussion", date = "2017-12-13" })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync(events, TestApp.Json(new { id = "lcs-1", type = "strategy_discussion", date = "2017-12-13" })), HttpStatusCode.OK);
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { id = "lcs-1", type = "strategy_discussion", date = "2017-12-14" })), HttpStatusCode.Conflict, "id");

        await DeliverAsync(app, Envelopes.For("lcs-2", code, "case", "CP-ID", new { type = "referral_received", date = "2017-12-11" }));
        await DeliverAsync(app, Envelopes.For("lcs-2", code, "case", "CP-ID", new { type = "referral_received", date = "2017-12-11" }));
        Assert.Empty(await _queue.PoisonedAsync());
        await DeliverAsync(app, Envelopes.For("lcs-2", code, "case", "CP-ID", new { type = "referral_received", date = "2017-12-12" }));
        var poisoned = Assert.Single(await _queue.PoisonedAsync())!;
        Assert.StartsWith("eventId:", poisoned["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-ID"), HttpStatusCode.OK);
        Assert.Equal(2, read["events"]!.AsArray().Count);
        Assert.Equal(3, read["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_message_refused_for_personal_data_is_poisoned_with_the_paths_and_without_the_values()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = await CaseAuthorityAsync(app, code, "CP", "CP-PD");

        await DeliverAsync(app, $"{{\"eventId\":\"e-pd\",\"authority\":\"{code}\",\"subject\":{{\"kind\":\"case\",\"id\":\"CP-PD\"}},\"event\":{{\"type\":\"icpc_held\",\"date\":\"2017-11-20\",\"child_name\":\"Jane\",\"notes\":{{\"dob\":\"2010-01-01\"}}}}}}");
        var poisoned = Assert.Single(await _queue.PoisonedAsync())!;
        var reason = poisoned["reason"]!.GetValue<string>();
        Assert.StartsWith("event.child_name:", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", poisoned.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("2010-01-01", poisoned.ToJsonString(), StringComparison.Ordinal);
        var original = poisoned["originalMessage"]!;
        Assert.Equal("[withheld]", original["event"]!["child_name"]!.GetValue<string>());
        Assert.Equal("[withheld]", original["event"]!["notes"]!["dob"]!.GetValue<string>());
        Assert.Equal("2017-11-20", original["event"]!["date"]!.GetValue<string>());
        Assert.Equal("e-pd", original["eventId"]!.GetValue<string>());
    }
}
