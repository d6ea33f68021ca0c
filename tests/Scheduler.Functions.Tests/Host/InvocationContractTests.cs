using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scheduler.Functions.Host;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// POSTs payloads shaped like the Functions host's custom-handler requests (Microsoft Learn, "Azure Functions
/// custom handlers", request and response payload sections) and checks the response contract.
/// </summary>
public sealed class InvocationContractTests
{
    private const string CaseEvent = """{"caseRef":"LA123-0001","event":"plan-started","on":"2026-11-02"}""";

    [Fact]
    public async Task Storage_queue_payload_with_string_message_reaches_the_processor_verbatim()
    {
        var processor = new RecordingProcessor("case-events");
        using var app = new HandlerAppFactory(s => s.AddSingleton<IMessageProcessor>(processor));
        // The documented example's message is a string that is not strict JSON.
        const string payload = """
            {
              "Data": { "message": "{ message: \"Message sent\" }" },
              "Metadata": {
                "DequeueCount": 1,
                "ExpirationTime": "2019-10-16T17:58:31+00:00",
                "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
                "InsertionTime": "2019-10-09T17:58:31+00:00",
                "NextVisibleTime": "2019-10-09T18:08:32+00:00",
                "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
                "sys": { "MethodName": "QueueTrigger", "UtcNow": "2019-10-09T17:58:32.2205399Z", "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9" }
              }
            }
            """;

        var (status, body) = await PostAsync(app, "/CaseEvents", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertResponseShape(body);
        var (received, context) = Assert.Single(processor.Received);
        Assert.Equal("{ message: \"Message sent\" }", received);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", context.MessageId);
        Assert.Equal(1, context.DeliveryCount);
        Assert.Equal("case-events", context.QueueName);
        Assert.Equal(Instant.FromUtc(2019, 10, 9, 17, 58, 31), context.EnqueuedTime);
    }

    [Fact]
    public async Task Service_bus_payload_with_object_body_is_passed_as_its_json_text()
    {
        var processor = new RecordingProcessor("case-events");
        using var app = new HandlerAppFactory(s => s.AddSingleton<IMessageProcessor>(processor));
        var payload = $$"""
            {
              "Data": { "message": {{CaseEvent}} },
              "Metadata": {
                "DeliveryCount": 2,
                "MessageId": "ce-0001",
                "EnqueuedTimeUtc": "2026-11-02T09:15:00Z",
                "ContentType": "application/json",
                "sys": { "MethodName": "CaseEvents", "UtcNow": "2026-11-02T09:15:01Z", "RandGuid": "0f8fad5b-d9cb-469f-a165-70867728950e" }
              }
            }
            """;

        var (status, body) = await PostAsync(app, "/CaseEvents", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertResponseShape(body);
        var (received, context) = Assert.Single(processor.Received);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(CaseEvent), JsonNode.Parse(received)), received);
        Assert.Equal("ce-0001", context.MessageId);
        Assert.Equal(2, context.DeliveryCount);
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 9, 15), context.EnqueuedTime);
    }

    [Fact]
    public async Task Service_bus_payload_with_json_encoded_string_body_and_encoded_metadata_is_decoded()
    {
        var processor = new RecordingProcessor("alert-dispatch");
        using var app = new HandlerAppFactory(s => s.AddSingleton<IMessageProcessor>(processor));
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["message"] = CaseEvent },
            ["Metadata"] = new JsonObject
            {
                ["DeliveryCount"] = "3",
                ["MessageId"] = "\"ad-0042\"",
                ["sys"] = new JsonObject { ["MethodName"] = "AlertDispatch", ["UtcNow"] = "2026-11-02T09:15:01Z" },
            },
        }.ToJsonString();

        var (status, body) = await PostAsync(app, "/AlertDispatch", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertResponseShape(body);
        var (received, context) = Assert.Single(processor.Received);
        Assert.Equal(CaseEvent, received);
        Assert.Equal("ad-0042", context.MessageId);
        Assert.Equal(3, context.DeliveryCount);
        Assert.Equal("AlertDispatch", context.FunctionName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Timer_payload_runs_the_sweep_and_returns_its_outcome(bool timerAsEncodedString)
    {
        var sweep = new RecordingSweep();
        using var app = new HandlerAppFactory(s => s.AddSingleton<ISweepRunner>(sweep));
        var timer = new JsonObject
        {
            ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
            ["ScheduleStatus"] = new JsonObject
            {
                ["Last"] = "2026-11-01T06:00:00+00:00",
                ["Next"] = "2026-11-03T06:00:00+00:00",
                ["LastUpdated"] = "2026-11-02T06:00:00+00:00",
            },
            ["IsPastDue"] = true,
        };
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { ["timer"] = timerAsEncodedString ? timer.ToJsonString() : timer },
            ["Metadata"] = new JsonObject
            {
                ["sys"] = new JsonObject { ["MethodName"] = "DailySweep", ["UtcNow"] = "2026-11-02T06:00:00.1234567Z", ["RandGuid"] = Guid.Empty.ToString() },
            },
        }.ToJsonString();

        var (status, body) = await PostAsync(app, "/DailySweep", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertResponseShape(body);
        var request = Assert.Single(sweep.Requests);
        Assert.True(request.IsPastDue);
        Assert.Equal(Instant.FromUtc(2026, 11, 2, 6, 0) + Duration.FromTicks(1234567), request.Now);
        Assert.Equal("timer", request.Trigger);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"swept":true,"summary":{"alerts":0}}"""), body["ReturnValue"]), body.ToJsonString());
    }

    [Fact]
    public async Task Default_sweep_reports_that_it_is_not_configured()
    {
        using var app = new HandlerAppFactory();
        const string payload = """{"Data":{"timer":{"IsPastDue":false}},"Metadata":{"sys":{"MethodName":"DailySweep","UtcNow":"2026-11-02T06:00:00Z"}}}""";

        var (status, body) = await PostAsync(app, "/DailySweep", payload);

        Assert.Equal(HttpStatusCode.OK, status);
        AssertResponseShape(body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"swept":false,"reason":"sweep not configured"}"""), body["ReturnValue"]), body.ToJsonString());
    }

    [Fact]
    public async Task Queue_without_a_processor_fails_with_500_and_says_why()
    {
        using var app = new HandlerAppFactory();

        var (status, body) = await PostAsync(app, "/CaseEvents", """{"Data":{"message":"{}"},"Metadata":{"DeliveryCount":1,"MessageId":"m1"}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        AssertResponseShape(body);
        Assert.Contains(body["Logs"]!.AsArray(), l => l!.GetValue<string>().Contains("No message processor is registered for queue 'case-events'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Transient_failure_is_500_with_the_exception_in_logs()
    {
        var processor = new RecordingProcessor("case-events", (_, _) => new ProcessResult.Transient(new TimeoutException("table storage timed out")));
        using var app = new HandlerAppFactory(s => s.AddSingleton<IMessageProcessor>(processor));

        var (status, body) = await PostAsync(app, "/CaseEvents", """{"Data":{"message":"x"},"Metadata":{"DeliveryCount":1}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        AssertResponseShape(body);
        Assert.Contains(body["Logs"]!.AsArray(), l => l!.GetValue<string>().Contains("table storage timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Handler_exception_is_500_with_the_error_in_logs()
    {
        var processor = new RecordingProcessor("case-events", (_, _) => throw new InvalidOperationException("boom in processor"));
        using var app = new HandlerAppFactory(s => s.AddSingleton<IMessageProcessor>(processor));

        var (status, body) = await PostAsync(app, "/CaseEvents", """{"Data":{"message":"x"},"Metadata":{}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        AssertResponseShape(body);
        Assert.Contains(body["Logs"]!.AsArray(), l => l!.GetValue<string>().Contains("boom in processor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_invocation_body_is_rejected_in_the_response_shape()
    {
        using var app = new HandlerAppFactory();

        var (status, body) = await PostAsync(app, "/CaseEvents", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        AssertResponseShape(body);
    }

    [Fact]
    public async Task Unknown_function_is_not_routed()
    {
        using var app = new HandlerAppFactory();

        var (status, _) = await PostAsync(app, "/NoSuchFunction", """{"Data":{},"Metadata":{}}""", expectJson: false);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Health_returns_ok_json()
    {
        using var app = new HandlerAppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"status":"ok"}"""), await response.Content.ReadFromJsonAsync<JsonNode>()));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HandlerAppFactory app, string path, string payload, bool expectJson = true)
    {
        using var client = app.CreateClient();
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, expectJson ? (JsonObject)JsonNode.Parse(text)! : new JsonObject());
    }

    // The documented response: Outputs (object), Logs (array of strings), ReturnValue — and nothing else.
    private static void AssertResponseShape(JsonObject body)
    {
        Assert.Equal(["Logs", "Outputs", "ReturnValue"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.IsType<JsonObject>(body["Outputs"]);
        Assert.All(body["Logs"]!.AsArray(), l => Assert.IsType<string>(l!.GetValue<string>()));
    }

    private sealed class RecordingSweep : ISweepRunner
    {
        public List<SweepRequest> Requests { get; } = [];

        public Task<SweepOutcome> RunAsync(SweepRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new SweepOutcome(true) { Summary = new JsonObject { ["alerts"] = 0 } });
        }
    }
}
