using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Host;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// Under the Functions host on Service Bus the handler moves a message it gives up on to &lt;queue&gt;-poison with its
/// reason and completes the original, as the local runner does; otherwise it answers a failure and the platform retries.
/// </summary>
public sealed class PoisonForwardingTests
{
    private static readonly Instant Now = Instant.FromUtc(2017, 12, 12, 6, 0);

    /// <summary>Our own message port, recording what would go to Service Bus (its wire format is tested elsewhere).</summary>
    private sealed class RecordingSender(DeliveryOutcome outcome) : IMessageSender
    {
        public List<(string Queue, OutgoingMessage Message)> Sent { get; } = [];

        public Task<DeliveryOutcome> SendAsync(string queueName, OutgoingMessage message, CancellationToken cancellationToken)
        {
            Sent.Add((queueName, message));
            return Task.FromResult(outcome);
        }
    }

    private static async Task<(InvocationResult Result, RecordingSender Sender)> InvokeAsync(ProcessResult answer, int deliveryCount, DeliveryOutcome? sendOutcome = null)
    {
        var sender = new RecordingSender(sendOutcome ?? new DeliveryOutcome.Sent());
        var poison = new MessageSenderPoisonQueue(sender, new FixedClock(Now), NullLogger<MessageSenderPoisonQueue>.Instance);
        var function = new CaseEventsFunction(new MessageProcessorResolver([new RecordingProcessor("case-events", (_, _) => answer)]), poison);
        // A Service Bus trigger payload: the body arrives as a JSON-encoded string.
        var payload = $$$"""{"Data":{"message":"{\"eventId\":\"e-1\"}"},"Metadata":{"DeliveryCount":{{{deliveryCount}}},"MessageId":"m-42"}}""";
        var result = await function.InvokeAsync(InvocationRequest.Parse("CaseEvents", Encoding.UTF8.GetBytes(payload)), default);
        return (result, sender);
    }

    [Fact]
    public async Task A_permanent_failure_is_moved_to_poison_with_its_reason_at_the_first_delivery()
    {
        var (result, sender) = await InvokeAsync(new ProcessResult.PermanentFailure("event.date: not a date"), deliveryCount: 1);

        Assert.Equal(200, result.StatusCode);
        var (queue, message) = Assert.Single(sender.Sent);
        Assert.Equal("case-events-poison", queue);
        Assert.Equal("m-42", message.MessageId);
        var envelope = JsonNode.Parse(message.Body)!;
        Assert.Equal("event.date: not a date", (string?)envelope["reason"]);
        Assert.Equal(1, (int?)envelope["dequeueCount"]);
        Assert.Equal("e-1", (string?)envelope["originalMessage"]!["eventId"]);
        Assert.Equal("2017-12-12T06:00:00Z", (string?)envelope["failedAt"]);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_until_the_last_delivery_then_poisoned()
    {
        var transient = new ProcessResult.Transient(new TimeoutException("table service timed out"));

        var (early, earlySender) = await InvokeAsync(transient, deliveryCount: 4);
        Assert.Equal(500, early.StatusCode);
        Assert.Empty(earlySender.Sent);

        var (last, lastSender) = await InvokeAsync(transient, deliveryCount: 5);
        Assert.Equal(200, last.StatusCode);
        var envelope = JsonNode.Parse(Assert.Single(lastSender.Sent).Message.Body)!;
        Assert.Contains("table service timed out", (string?)envelope["reason"], StringComparison.Ordinal);
        Assert.Equal(5, (int?)envelope["dequeueCount"]);
    }

    [Fact]
    public async Task When_the_poison_queue_cannot_be_reached_the_failure_is_answered_so_nothing_is_lost()
    {
        var (result, sender) = await InvokeAsync(
            new ProcessResult.PermanentFailure("bad"), deliveryCount: 1, sendOutcome: new DeliveryOutcome.Transient("503 from Service Bus"));

        Assert.Single(sender.Sent);
        Assert.Equal(500, result.StatusCode);
    }

    [Fact]
    public async Task Without_service_bus_the_platform_or_local_runner_does_the_poisoning()
    {
        var function = new CaseEventsFunction(
            new MessageProcessorResolver([new RecordingProcessor("case-events", (_, _) => new ProcessResult.PermanentFailure("bad"))]),
            new PlatformPoisonQueue());
        var payload = """{"Data":{"message":"{}"},"Metadata":{"DeliveryCount":1,"MessageId":"m-1"}}""";

        var result = await function.InvokeAsync(InvocationRequest.Parse("CaseEvents", Encoding.UTF8.GetBytes(payload)), default);

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(InvocationOutcome.PermanentlyFailed, result.Outcome);
    }
}
