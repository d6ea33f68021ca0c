using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scheduler.Functions.Application;
using Scheduler.Functions.Host;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>The case-events queue consumer: same payloads as the API inside an envelope, idempotent, invalid → permanent failure with a reason.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEventsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiApp _app = new(azurite, "2018-01-02");

    public void Dispose() => _app.Dispose();

    private IMessageProcessor Processor() =>
        _app.Service<IEnumerable<IMessageProcessor>>().Single(p => p.QueueName == CaseEventProcessor.Queue);

    private static MessageContext Context(int delivery = 1) => new("CaseEvents", "case-events", Guid.NewGuid().ToString(), delivery, null);

    private static string Envelope(string eventId, string authority, string caseRef, object e) =>
        JsonSerializer.Serialize(new { eventId, authority, subject = new { kind = "case", id = caseRef }, @event = e });

    [Fact]
    public async Task A_replayed_message_changes_nothing()
    {
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-Q", ApiApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        var message = Envelope("evt-0001", code, "CP-Q", new { type = "strategy_discussion", date = "2017-12-13" });

        var processor = Processor();
        Assert.IsType<ProcessResult.Success>(await processor.ProcessAsync(message, Context(), default));
        var once = await ApiApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Q"), HttpStatusCode.OK);
        Assert.Equal(2, once["version"]!.GetValue<long>());
        Assert.Equal("evt-0001", once["events"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("queue:case-events", once["events"]![0]!["recorded_by"]!.GetValue<string>());
        Assert.Equal("2018-01-08", once["milestones"]!.AsArray().Single(m => m!["rule"]!.GetValue<string>() == "icpc_15wd")!["due"]!.GetValue<string>());

        Assert.IsType<ProcessResult.Success>(await processor.ProcessAsync(message, Context(2), default));
        var twice = await ApiApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Q"), HttpStatusCode.OK);
        Assert.Equal(once.ToJsonString(), twice.ToJsonString());

        // The same id through the HTTP API is recognised too.
        var viaApi = await client.PostAsync($"/api/authorities/{code}/cases/CP-Q/events", ApiApp.Json(new { id = "evt-0001", type = "strategy_discussion", date = "2017-12-13" }));
        Assert.Equal(HttpStatusCode.OK, viaApi.StatusCode);

        // Reusing the id for another subject is refused permanently.
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-R", ApiApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        var reused = Assert.IsType<ProcessResult.PermanentFailure>(await processor.ProcessAsync(Envelope("evt-0001", code, "CP-R", new { type = "strategy_discussion", date = "2017-12-13" }), Context(), default));
        Assert.Contains("eventId", reused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("{\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"}}", "eventId")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"child\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"}}", "subject.kind")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\",\"surname\":\"Smith\"}}", "event.surname")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"1985-01-01\"}}", "event.date")]
    [InlineData("{\"eventId\":\"e1\",\"authority\":\"x1\",\"subject\":{\"kind\":\"case\",\"id\":\"CP-1\"},\"event\":{\"type\":\"icpc_held\",\"date\":\"2018-01-01\"},\"extra\":1}", "extra")]
    public async Task Invalid_messages_fail_permanently_with_the_field_in_the_reason(string body, string field)
    {
        var result = await Processor().ProcessAsync(body, Context(), default);
        var failure = Assert.IsType<ProcessResult.PermanentFailure>(result);
        Assert.StartsWith(field + ":", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_subjects_and_impossible_events_fail_permanently()
    {
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-Z", ApiApp.Json(new { type = "CP", events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } } })), HttpStatusCode.Created);
        var processor = Processor();

        var unknown = Assert.IsType<ProcessResult.PermanentFailure>(await processor.ProcessAsync(Envelope("e-404", code, "CP-NONE", new { type = "icpc_held", date = "2017-12-29" }), Context(), default));
        Assert.Contains("does not exist", unknown.Reason, StringComparison.Ordinal);

        var impossible = Assert.IsType<ProcessResult.PermanentFailure>(await processor.ProcessAsync(Envelope("e-early", code, "CP-Z", new { type = "icpc_held", date = "2017-12-01" }), Context(), default));
        Assert.StartsWith("event.date:", impossible.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_CaseEvents_invocation_routes_to_the_processor_and_reports_poison()
    {
        var code = ApiApp.NewAuthority();
        using var client = _app.WithKey(await _app.CreateAuthorityAsync(code));
        await ApiApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-H", ApiApp.Json(new { type = "CP" })), HttpStatusCode.Created);

        // The custom-handler payload the Functions host POSTs for a serviceBusTrigger (message as a JSON-encoded string).
        var message = Envelope("evt-host-1", code, "CP-H", new { type = "strategy_discussion", date = "2017-12-13" });
        using var host = _app.Anonymous();
        var ok = await host.PostAsJsonAsync("/CaseEvents", new { Data = new { message }, Metadata = new { MessageId = "m1", DeliveryCount = 1 } });
        Assert.True(ok.IsSuccessStatusCode, await ok.Content.ReadAsStringAsync());
        var read = await ApiApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-H"), HttpStatusCode.OK);
        Assert.Equal("evt-host-1", read["events"]![0]!["id"]!.GetValue<string>());

        var bad = await host.PostAsJsonAsync("/CaseEvents", new { Data = new { message = "{\"eventId\":\"x\"}" }, Metadata = new { MessageId = "m2", DeliveryCount = 1 } });
        var text = await bad.Content.ReadAsStringAsync();
        Assert.Contains("authority", text, StringComparison.Ordinal);
        _ = JsonNode.Parse(text);
    }
}
