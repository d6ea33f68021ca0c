using System.Text;
using System.Text.Json;
using Azure;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class QueueClientTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task CreateIfNotExists_twice_creates_once_and_delete_reports_existence()
    {
        var queue = azurite.CreateQueueClient(azurite.UniqueName("create"));
        Assert.True(await queue.CreateIfNotExistsAsync(Ct));
        Assert.False(await queue.CreateIfNotExistsAsync(Ct));
        Assert.True(await queue.DeleteIfExistsAsync(Ct));
        Assert.False(await queue.DeleteIfExistsAsync(Ct));
    }

    [Fact]
    public async Task Json_with_unicode_round_trips_and_is_base64_on_the_wire()
    {
        var queue = await azurite.CreateQueueAsync("json", cancellationToken: Ct);
        var payload = JsonSerializer.Serialize(new { caseRef = "CP-0042 <&>", note = "Café — 東京 🚸", due = "2025-04-01" });

        var receipt = await queue.SendMessageAsync(payload, cancellationToken: Ct);
        Assert.False(string.IsNullOrEmpty(receipt.MessageId));

        // A raw (non-decoding) reader sees exactly UTF-8 → base64, which is what the SDK's Base64 option and the
        // Functions queue trigger expect.
        var raw = azurite.CreateQueueClient(queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var peekedRaw = Assert.Single(await raw.PeekMessagesAsync(cancellationToken: Ct));
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)), peekedRaw.MessageText);

        var received = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Equal(payload, received.MessageText);
        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal("CP-0042 <&>", JsonDocument.Parse(received.MessageText).RootElement.GetProperty("caseRef").GetString());
    }

    [Fact]
    public async Task Receive_hides_message_and_delete_removes_it()
    {
        var queue = await azurite.CreateQueueAsync("recv", cancellationToken: Ct);
        await queue.SendMessageAsync("one", cancellationToken: Ct);

        var message = Assert.Single(await queue.ReceiveMessagesAsync(maxMessages: 5, visibilityTimeout: TimeSpan.FromSeconds(30), cancellationToken: Ct));
        Assert.Equal("one", message.MessageText);
        Assert.Equal(1, message.DequeueCount);
        Assert.NotNull(message.InsertedOn);
        Assert.True(message.NextVisibleOn > message.InsertedOn);

        Assert.Empty(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync(Ct));

        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, Ct);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(Ct));
    }

    [Fact]
    public async Task Update_makes_message_visible_with_new_pop_receipt_and_dequeue_count_increments()
    {
        var queue = await azurite.CreateQueueAsync("update", cancellationToken: Ct);
        await queue.SendMessageAsync("v1", cancellationToken: Ct);
        var first = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Equal(1, first.DequeueCount);

        var update = await queue.UpdateMessageAsync(first.MessageId, first.PopReceipt, "v2", TimeSpan.Zero, Ct);
        Assert.NotEqual(first.PopReceipt, update.PopReceipt);

        var second = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("v2", second.MessageText);
        Assert.Equal(2, second.DequeueCount);

        // The pop receipt from the first receive no longer proves ownership.
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt, Ct));
        Assert.InRange(stale.Status, 400, 404);

        // Visibility-only update keeps the text.
        var extended = await queue.UpdateMessageAsync(second.MessageId, second.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: Ct);
        var third = Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Equal("v2", third.MessageText);
        Assert.Equal(3, third.DequeueCount);
        Assert.NotEqual(extended.PopReceipt, third.PopReceipt);
        await queue.DeleteMessageAsync(third.MessageId, third.PopReceipt, Ct);
    }

    [Fact]
    public async Task Peek_does_not_hide_or_count_a_delivery()
    {
        var queue = await azurite.CreateQueueAsync("peek", cancellationToken: Ct);
        await queue.SendMessageAsync("a", cancellationToken: Ct);
        await queue.SendMessageAsync("b", cancellationToken: Ct);

        var peeked = await queue.PeekMessagesAsync(maxMessages: 32, cancellationToken: Ct);
        Assert.Equal(["a", "b"], peeked.Select(p => p.MessageText));
        Assert.All(peeked, p => Assert.Equal(0, p.DequeueCount));

        var received = await queue.ReceiveMessagesAsync(maxMessages: 32, cancellationToken: Ct);
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(1, m.DequeueCount));
    }

    [Fact]
    public async Task Count_and_clear()
    {
        var queue = await azurite.CreateQueueAsync("count", cancellationToken: Ct);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(Ct));
        for (var i = 0; i < 3; i++)
        {
            await queue.SendMessageAsync($"m{i}", cancellationToken: Ct);
        }

        Assert.Equal(3, await queue.GetApproximateMessageCountAsync(Ct));
        await queue.ClearMessagesAsync(Ct);
        Assert.Equal(0, await queue.GetApproximateMessageCountAsync(Ct));
        Assert.Empty(await queue.PeekMessagesAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task Visibility_delay_hides_a_new_message_and_ttl_sets_expiry()
    {
        var queue = await azurite.CreateQueueAsync("delay", cancellationToken: Ct);
        var delayed = await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromMinutes(5), cancellationToken: Ct);
        Assert.Equal(TimeSpan.FromMinutes(5), delayed.TimeNextVisible - delayed.InsertionTime);
        Assert.Empty(await queue.ReceiveMessagesAsync(cancellationToken: Ct));
        Assert.Empty(await queue.PeekMessagesAsync(cancellationToken: Ct));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync(Ct));

        var shortLived = await queue.SendMessageAsync("brief", timeToLive: TimeSpan.FromMinutes(10), cancellationToken: Ct);
        Assert.Equal(TimeSpan.FromMinutes(10), shortLived.ExpirationTime - shortLived.InsertionTime);

        var forever = await queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan, cancellationToken: Ct);
        Assert.True(forever.ExpirationTime!.Value.Year >= 9999);
    }

    [Fact]
    public async Task Text_that_is_not_base64_is_handed_over_raw()
    {
        var queue = await azurite.CreateQueueAsync("raw", cancellationToken: Ct);
        var plain = azurite.CreateQueueClient(queue.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        await plain.SendMessageAsync("not base64 {\"a\":1}", cancellationToken: Ct);
        Assert.Equal("not base64 {\"a\":1}", Assert.Single(await queue.ReceiveMessagesAsync(cancellationToken: Ct)).MessageText);
    }

    [Fact]
    public async Task Oversized_message_and_bad_queue_names_are_rejected_client_side()
    {
        var queue = azurite.CreateQueueClient(azurite.UniqueName("size"));
        await Assert.ThrowsAsync<ArgumentException>(() => queue.SendMessageAsync(new string('x', 50_000), cancellationToken: Ct));
        Assert.Throws<ArgumentException>(() => azurite.CreateQueueClient("Bad_Name"));
        Assert.Throws<ArgumentException>(() => azurite.CreateQueueClient("a--b"));
    }

    [Fact]
    public async Task Operations_on_a_missing_queue_fail_with_the_service_status()
    {
        var queue = azurite.CreateQueueClient(azurite.UniqueName("missing"));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x", cancellationToken: Ct));
        Assert.Equal(404, ex.Status);
        Assert.Equal("QueueNotFound", ex.ErrorCode);
    }
}
