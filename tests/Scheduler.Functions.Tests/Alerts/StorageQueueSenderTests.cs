using System.Diagnostics;
using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Application.Alerts.Dispatch;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure;
using Scheduler.Infrastructure.Queues;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The queue sender as the app wires it (Azure.Storage.Queues, base64) against a real Azurite queue service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageQueueSenderTests(AzuriteFixture azurite) : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));
    private readonly ServiceProvider _services = Samples.Services(new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = azurite.ConnectionString });

    public void Dispose()
    {
        _services.Dispose();
        _timeout.Dispose();
    }

    private IMessageQueue Sender() => _services.GetRequiredService<IMessageQueue>();

    /// <summary>A client that reads message text exactly as it is stored (no decoding).</summary>
    private QueueClient Raw(string queueName) =>
        new(azurite.ConnectionString, queueName, new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.None });

    private async Task<string> NewQueueAsync(string prefix)
    {
        var name = azurite.UniqueName(prefix);
        await Raw(name).CreateAsync(cancellationToken: _timeout.Token);
        return name;
    }

    [Fact]
    public async Task Sends_the_body_base64_encoded_as_the_queue_trigger_reads_it()
    {
        Assert.IsType<StorageQueueSender>(Sender());
        var queueName = await NewQueueAsync("alerts");
        var message = new OutgoingMessage("episode.CRO.ep-1.action_plan_submission.1.20171211.due-0.PO", """{"key":"k","note":"Café — ok"}""");

        var first = await Sender().SendAsync(queueName, message, _timeout.Token);
        var second = await Sender().SendAsync(queueName, message with { Body = """{"key":"k2"}""" }, _timeout.Token);

        Assert.True(first.IsSent);
        Assert.True(second.IsSent);
        var received = (await Raw(queueName).ReceiveMessagesAsync(maxMessages: 32, cancellationToken: _timeout.Token)).Value;
        Assert.Equal(2, received.Length);
        Assert.Equal(
            [message.Body, """{"key":"k2"}"""],
            received.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.MessageText))).Order(StringComparer.Ordinal));

        // The sent outcome names the storage message.
        Assert.Contains(((DeliveryOutcome.Sent)first).ProviderId, received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task A_delay_is_the_initial_visibility_timeout()
    {
        var queueName = await NewQueueAsync("delayed");
        var queue = Raw(queueName);
        var watch = Stopwatch.StartNew();

        var outcome = await Sender().SendAsync(queueName, new OutgoingMessage("d1", """{"later":true}""") { Delay = TimeSpan.FromSeconds(3) }, _timeout.Token);

        Assert.True(outcome.IsSent);
        // On the queue, but nobody can see it yet.
        Assert.Empty((await queue.PeekMessagesAsync(32, _timeout.Token)).Value);
        Assert.Equal(1, (await queue.GetPropertiesAsync(_timeout.Token)).Value.ApproximateMessagesCount);
        while ((await queue.PeekMessagesAsync(32, _timeout.Token)).Value.Length == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the delayed message never became visible");
            await Task.Delay(200, _timeout.Token);
        }

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.5), $"visible after {watch.Elapsed}");
        var visible = Assert.Single((await queue.PeekMessagesAsync(32, _timeout.Token)).Value);
        Assert.Equal("""{"later":true}""", Encoding.UTF8.GetString(Convert.FromBase64String(visible.MessageText)));
    }

    [Fact]
    public async Task Without_a_delay_the_message_is_visible_at_once()
    {
        var queueName = await NewQueueAsync("prompt");

        Assert.True((await Sender().SendAsync(queueName, new OutgoingMessage("p1", "{}"), _timeout.Token)).IsSent);

        Assert.Single((await Raw(queueName).PeekMessagesAsync(32, _timeout.Token)).Value);
    }

    [Fact]
    public async Task An_invalid_queue_name_is_permanent()
    {
        var outcome = await Sender().SendAsync("Not_A_Queue", new OutgoingMessage("id", "{}"), _timeout.Token);

        Assert.Contains("Not_A_Queue", Assert.IsType<DeliveryOutcome.Permanent>(outcome).Reason);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_permanent()
    {
        var outcome = await Sender().SendAsync(azurite.UniqueName("missing"), new OutgoingMessage("id", "{}"), _timeout.Token);

        Assert.Equal(404, Assert.IsType<DeliveryOutcome.Permanent>(outcome).StatusCode);
    }

    [Fact]
    public async Task An_oversized_message_is_permanent()
    {
        var queueName = await NewQueueAsync("big");

        var outcome = await Sender().SendAsync(queueName, new OutgoingMessage("id", new string('x', 70_000)), _timeout.Token);

        Assert.IsType<DeliveryOutcome.Permanent>(outcome);
        Assert.Empty((await Raw(queueName).PeekMessagesAsync(32, _timeout.Token)).Value);
    }
}
