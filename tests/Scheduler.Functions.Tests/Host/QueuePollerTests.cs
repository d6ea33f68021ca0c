using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Text;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// The local runner polls the real Azurite queues named in functions/*/function.json and applies the
/// platform's poison rules (5 deliveries, or at once on a permanent failure).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueuePollerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string CaseEvents = "case-events";
    private const string AlertDispatch = "alert-dispatch";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    public async Task InitializeAsync()
    {
        // These tests use the contract's queue names; start each from empty queues.
        foreach (var name in new[] { CaseEvents, CaseEvents + "-poison", AlertDispatch, AlertDispatch + "-poison" })
        {
            var queue = azurite.CreateQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_message_is_delivered_to_the_processor_and_deleted()
    {
        var processor = new RecordingProcessor(CaseEvents);
        const string body = """{"caseRef":"LA123-0001","event":"plan-started"}""";
        var sent = await azurite.CreateQueueClient(CaseEvents).SendMessageAsync(body);

        await using (await StartRunnerAsync(processor))
        {
            await WaitUntilAsync(() => Task.FromResult(!processor.Received.IsEmpty));
            await WaitUntilAsync(async () => await CountAsync(CaseEvents) == 0);
        }

        var (received, context) = Assert.Single(processor.Received);
        Assert.Equal(body, received);
        Assert.Equal(sent.MessageId, context.MessageId);
        Assert.Equal(1, context.DeliveryCount);
        Assert.Equal(0, await CountAsync(CaseEvents + "-poison"));
    }

    [Fact]
    public async Task A_failing_message_is_poisoned_after_exactly_five_deliveries_with_its_reason()
    {
        var processor = new RecordingProcessor(CaseEvents, (_, _) => new ProcessResult.Transient(new IOException("table service unavailable")));
        const string body = """{"caseRef":"LA123-0002","event":"visit-recorded"}""";
        await azurite.CreateQueueClient(CaseEvents).SendMessageAsync(body);

        JsonObject envelope;
        await using (await StartRunnerAsync(processor))
        {
            envelope = await WaitForPoisonAsync(CaseEvents);
        }

        Assert.Equal([1, 2, 3, 4, 5], processor.Received.Select(r => r.Context.DeliveryCount));
        Assert.Equal(5, (int)envelope["dequeueCount"]!);
        Assert.Contains("table service unavailable", (string)envelope["reason"]!, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), envelope["originalMessage"]), envelope.ToJsonString());
        Assert.True(InstantPattern.ExtendedIso.Parse((string)envelope["failedAt"]!).Success);
        Assert.Equal(0, await CountAsync(CaseEvents));
    }

    [Fact]
    public async Task A_permanent_failure_goes_straight_to_poison()
    {
        var processor = new RecordingProcessor(CaseEvents, (_, _) => new ProcessResult.PermanentFailure("unknown authority code 'ZZZ'"));
        await azurite.CreateQueueClient(CaseEvents).SendMessageAsync("not json at all");

        JsonObject envelope;
        await using (await StartRunnerAsync(processor))
        {
            envelope = await WaitForPoisonAsync(CaseEvents);
        }

        Assert.Single(processor.Received);
        Assert.Equal("unknown authority code 'ZZZ'", (string)envelope["reason"]!);
        Assert.Equal(1, (int)envelope["dequeueCount"]!);
        Assert.Equal("not json at all", (string)envelope["originalMessage"]!);
        Assert.Equal(0, await CountAsync(CaseEvents));
    }

    [Fact]
    public async Task A_queue_without_a_processor_poisons_its_messages_with_that_reason()
    {
        await azurite.CreateQueueClient(AlertDispatch).SendMessageAsync("""{"alertKey":"k1"}""");

        JsonObject envelope;
        await using (await StartRunnerAsync(processor: null))
        {
            envelope = await WaitForPoisonAsync(AlertDispatch);
        }

        Assert.Contains("No message processor is registered for queue 'alert-dispatch'", (string)envelope["reason"]!, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(AlertDispatch));
    }

    private Task<RunningTriggers> StartRunnerAsync(IMessageProcessor? processor) =>
        RunningTriggers.StartAsync(azurite, processor, TimeSpan.FromMilliseconds(500));

    private async Task<JsonObject> WaitForPoisonAsync(string queue)
    {
        var poison = azurite.CreateQueueClient(queue + "-poison");
        IReadOnlyList<PeekedMessage> peeked = [];
        await WaitUntilAsync(async () => (peeked = await poison.PeekMessagesAsync(32)).Count > 0);
        return (JsonObject)JsonNode.Parse(Assert.Single(peeked).MessageText)!;
    }

    // Counts hidden (in-flight) messages too, so 0 means deleted, not merely invisible.
    private Task<int> CountAsync(string queue) => azurite.CreateQueueClient(queue).GetApproximateMessageCountAsync();

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTimeOffset.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Condition not met within " + Bound);
            await Task.Delay(100);
        }
    }
}
