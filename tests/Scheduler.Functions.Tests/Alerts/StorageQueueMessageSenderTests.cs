using Scheduler.Functions.Alerts;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The local-run message sender against a real Azurite queue service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageQueueMessageSenderTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    [Fact]
    public async Task Sends_the_body_to_a_queue_it_creates_on_first_use()
    {
        var queueName = azurite.UniqueName("alerts");
        var sender = new StorageQueueMessageSender(azurite.Connection, Samples.Log<StorageQueueMessageSender>());
        var message = new OutgoingMessage("episode.CRO.ep-1.action_plan_submission.1.20171211.due-0.PO", """{"key":"k","note":"Café — ok"}""");

        var first = await sender.SendAsync(queueName, message, _timeout.Token);
        var second = await sender.SendAsync(queueName, message with { Body = """{"key":"k2"}""" }, _timeout.Token);

        Assert.True(first.IsSent);
        Assert.True(second.IsSent);
        var received = await azurite.CreateQueueClient(queueName).ReceiveMessagesAsync(maxMessages: 32, cancellationToken: _timeout.Token);
        Assert.Equal([message.Body, """{"key":"k2"}"""], received.Select(m => m.MessageText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_invalid_queue_name_is_permanent()
    {
        var sender = new StorageQueueMessageSender(azurite.Connection, Samples.Log<StorageQueueMessageSender>());

        var outcome = await sender.SendAsync("Not_A_Queue", new OutgoingMessage("id", "{}"), _timeout.Token);

        Assert.Contains("Not_A_Queue", Assert.IsType<DeliveryOutcome.Permanent>(outcome).Reason);
    }

    [Fact]
    public async Task An_oversized_message_is_permanent()
    {
        var sender = new StorageQueueMessageSender(azurite.Connection, Samples.Log<StorageQueueMessageSender>());

        var outcome = await sender.SendAsync(azurite.UniqueName("big"), new OutgoingMessage("id", new string('x', 70_000)), _timeout.Token);

        Assert.IsType<DeliveryOutcome.Permanent>(outcome);
    }
}
