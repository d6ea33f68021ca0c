using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Text;
using Scheduler.Application;
using Scheduler.Functions.Meta;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure;
using Scheduler.LocalHost;

namespace Scheduler.Functions.Tests.LocalHost;

/// <summary>
/// The local host's queue trigger, against Azurite's real queues: base64 messages, batches processed concurrently,
/// a failing message redelivered after the visibility timeout and moved unchanged to <c>&lt;queue&gt;-poison</c>
/// after host.json's maxDequeueCount, and a permanent refusal poisoned at once with its reason.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly LocalDate Day = new(2017, 12, 12);
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(2);
    private readonly QueueProbe _probe = new();

    public async Task InitializeAsync()
    {
        foreach (var queue in new[] { ProbeQueueFunctions.FailingQueue, ProbeQueueFunctions.BatchQueue, QueueNames.CaseEvents, QueueNames.AlertDispatch })
        {
            await azurite.EmptyQueueAsync(queue);
            await azurite.EmptyQueueAsync(QueueNames.Poison(queue));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_base64_message_reaches_its_function_decoded_and_is_deleted_once_it_completes()
    {
        await using var app = await StartAsync();
        const string body = """{"note":"décision prise","n":1}""";

        // Put it on the wire as another producer would: the base64 of the UTF-8 text, written without the SDK's encoding.
        await RawClient(ProbeQueueFunctions.BatchQueue).SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(body)));

        await Eventually.HoldsAsync(() => _probe.Completed.Contains(body), "the function completed the message");
        var delivery = Assert.Single(_probe.Delivered);
        Assert.Equal(body, delivery.Body);
        Assert.Equal(1, delivery.DequeueCount);
        await Eventually.HoldsAsync(async () => await azurite.CreateQueueClient(ProbeQueueFunctions.BatchQueue).CountAsync() == 0, "the message was deleted");
        Assert.Equal(0, await azurite.CreateQueueClient(QueueNames.Poison(ProbeQueueFunctions.BatchQueue)).CountAsync());
    }

    [Fact]
    public async Task A_failing_message_is_redelivered_after_the_visibility_timeout_then_moved_unchanged_to_poison()
    {
        var maxDequeueCount = HostJsonQueues()["maxDequeueCount"]!.GetValue<int>();
        const string body = """{"eventId":"ev-retry-1","authority":"la-retry"}""";
        var sent = await azurite.CreateQueueClient(ProbeQueueFunctions.FailingQueue).SendMessageAsync(body);

        // Read the wire text before the host starts: once it polls, the message is invisible and a peek finds nothing.
        var wire = (await RawClient(ProbeQueueFunctions.FailingQueue).PeekMessageAsync()).Value.MessageText;
        await using var app = await StartAsync();

        var poisoned = Assert.Single(await RawClient(QueueNames.Poison(ProbeQueueFunctions.FailingQueue)).PeekWhenAnyAsync());

        // Exactly maxDequeueCount deliveries, each after the previous one's visibility timeout.
        var deliveries = _probe.Delivered.ToList();
        Assert.Equal(Enumerable.Range(1, maxDequeueCount).Select(i => (long)i), deliveries.Select(d => d.DequeueCount));
        Assert.All(deliveries, d => Assert.Equal(body, d.Body));
        foreach (var (earlier, later) in deliveries.Zip(deliveries.Skip(1)))
        {
            // Azurite counts visibility in whole seconds; the message must not come back before about that long.
            Assert.True(later.At - earlier.At >= Visibility - TimeSpan.FromSeconds(1), $"redelivered after {(later.At - earlier.At).TotalMilliseconds:0} ms");
        }

        // The poison message is the original, byte for byte on the wire (the platform moves it unchanged).
        Assert.Equal(wire, poisoned.MessageText);
        Assert.Equal(body, Encoding.UTF8.GetString(Convert.FromBase64String(poisoned.MessageText)));
        Assert.NotEqual(sent.Value.MessageId, poisoned.MessageId);
        await Eventually.HoldsAsync(async () => await azurite.CreateQueueClient(ProbeQueueFunctions.FailingQueue).CountAsync() == 0, "the message left its queue");
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("moved to localhost-failing-poison", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_message_does_not_hold_up_the_others_of_its_batch()
    {
        await using var app = await StartAsync();
        var queue = azurite.CreateQueueClient(ProbeQueueFunctions.BatchQueue);
        foreach (var body in new[] { "slow", "a", "b", "c" })
        {
            await queue.SendMessageAsync(body);
        }

        await Eventually.HoldsAsync(() => new[] { "a", "b", "c" }.All(_probe.Completed.Contains), "the fast messages completed");
        Assert.Contains(_probe.Delivered, d => d.Body == "slow");
        Assert.DoesNotContain("slow", _probe.Completed);

        // A fast message is deleted just after its function returns, so the last delete may still be on its way.
        await Eventually.HoldsAsync(async () => await queue.CountAsync() == 1, "only the slow message to remain on the queue");

        _probe.Gate.SetResult();
        await Eventually.HoldsAsync(() => _probe.Completed.Contains("slow"), "the slow message completed");
        await Eventually.HoldsAsync(async () => await queue.CountAsync() == 0, "every message was deleted");
        Assert.All(_probe.Delivered, d => Assert.Equal(1, d.DequeueCount));
    }

    [Fact]
    public async Task A_case_event_that_can_never_succeed_goes_to_poison_at_once_with_the_field_named()
    {
        await using var app = await StartAsync();
        const string body = """{"eventId":"ev-bad-kind","authority":"la-poison","subject":{"kind":"planet","id":"CP-1"},"event":{"type":"cp_visit_made","date":"2017-12-01"}}""";
        var sent = await azurite.CreateQueueClient(QueueNames.CaseEvents).SendMessageAsync(body);

        var poisoned = Assert.Single(await azurite.CreateQueueClient(QueueNames.Poison(QueueNames.CaseEvents)).PeekWhenAnyAsync());
        var envelope = JsonNode.Parse(poisoned.MessageText)!.AsObject();
        Assert.StartsWith("subject.kind:", envelope["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, envelope["dequeueCount"]!.GetValue<int>());
        Assert.Equal(QueueNames.CaseEvents, envelope["queueName"]!.GetValue<string>());
        Assert.Equal(sent.Value.MessageId, envelope["messageId"]!.GetValue<string>());
        // Kept for replay, but for the refused value, which is withheld (it could be anything a sender put there).
        var expected = JsonNode.Parse(body)!;
        expected["subject"]!["kind"] = "[withheld]";
        Assert.True(JsonNode.DeepEquals(expected, envelope["originalMessage"]), envelope.ToJsonString());
        Assert.True(InstantPattern.ExtendedIso.Parse(envelope["failedAt"]!.GetValue<string>()).Success);
        await Eventually.HoldsAsync(async () => await azurite.CreateQueueClient(QueueNames.CaseEvents).CountAsync() == 0, "the message left case-events");
    }

    [Fact]
    public async Task A_message_that_is_not_json_is_poisoned_at_once_as_text()
    {
        await using var app = await StartAsync();
        await azurite.CreateQueueClient(QueueNames.CaseEvents).SendMessageAsync("not json at all");

        var envelope = JsonNode.Parse(Assert.Single(await azurite.CreateQueueClient(QueueNames.Poison(QueueNames.CaseEvents)).PeekWhenAnyAsync()).MessageText)!;
        Assert.Equal("not json at all", envelope["originalMessage"]!.GetValue<string>());
        Assert.Equal(1, envelope["dequeueCount"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(envelope["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_case_event_on_the_queue_is_recorded_on_its_case()
    {
        await using var app = await StartAsync();
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-Q", TestApp.Json(new
        {
            type = "CP",
            events = new[] { new { type = "strategy_discussion", date = "2017-11-20" } },
        })), HttpStatusCode.Created);

        await azurite.CreateQueueClient(QueueNames.CaseEvents).SendMessageAsync(
            $$$"""{"eventId":"ev-q-1","authority":"{{{code}}}","subject":{"kind":"case","id":"CP-Q"},"event":{"type":"icpc_held","date":"2017-12-01"}}""");

        JsonObject read = null!;
        await Eventually.HoldsAsync(
            async () => (read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-Q"), HttpStatusCode.OK))["events"]!.AsArray().Count == 2,
            "the queued event was recorded");
        Assert.Equal("ev-q-1", read["events"]![1]!["id"]!.GetValue<string>());
        await Eventually.HoldsAsync(async () => await azurite.CreateQueueClient(QueueNames.CaseEvents).CountAsync() == 0, "the message was deleted");
        Assert.Equal(0, await azurite.CreateQueueClient(QueueNames.Poison(QueueNames.CaseEvents)).CountAsync());
    }

    [Fact]
    public async Task The_queue_settings_are_host_jsons()
    {
        await using var app = await TestApp.StartAsync(azurite, Day);
        var queues = HostJsonQueues();
        var options = app.Service<QueueHostOptions>();
        Assert.Equal(queues["maxDequeueCount"]!.GetValue<int>(), options.MaxDequeueCount);
        Assert.Equal(queues["batchSize"]!.GetValue<int>(), options.BatchSize);
        Assert.Equal(queues["newBatchThreshold"]!.GetValue<int>(), options.NewBatchThreshold);
        Assert.Equal(TimeSpan.Parse(queues["visibilityTimeout"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.Parse(queues["maxPollingInterval"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), options.MaxPollingInterval);
    }

    /// <summary>The app's queue functions plus the test-only ones, with host.json's settings but a short visibility timeout.</summary>
    private Task<TestApp> StartAsync() => TestApp.StartAsync(azurite, Day, triggers: true, services: services =>
    {
        services.AddSingleton(_probe);
        IReadOnlyList<FunctionEntry> functions =
            [.. FunctionCatalog.Discover(typeof(ProbeQueueFunctions).Assembly), .. FunctionCatalog.All.Where(f => f.Trigger is QueueTriggerAttribute)];
        services.Replace(ServiceDescriptor.Singleton<IEnumerable<FunctionEntry>>(functions));
        var fromHostJson = HostSettings.ReadQueueOptions(Path.Combine(AppContext.BaseDirectory, "host.json"));
        services.Replace(ServiceDescriptor.Singleton(fromHostJson with { VisibilityTimeout = Visibility, MaxPollingInterval = TimeSpan.FromMilliseconds(500) }));
    });

    /// <summary>A client that sends and reads the wire text as it is (no base64 step).</summary>
    private QueueClient RawClient(string queue) =>
        new(azurite.ConnectionString, queue, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion));

    private static JsonNode HostJsonQueues() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AzuriteFixture.FindRepoRoot(), "host.json")))!["extensions"]!["queues"]!;
}
