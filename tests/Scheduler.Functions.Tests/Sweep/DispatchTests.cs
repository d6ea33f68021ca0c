using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Alerts;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Storage;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// The <c>alert-dispatch</c> function against a local SendGrid stand-in and real Azurite queues and tables: the
/// message the sweep put there, delivered as the platform delivers it (the local host's pollers, or one delivery at
/// a time by the test).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DispatchTests(AzuriteFixture azurite)
{
    private const string Recipient = "dcs@croydon.example";

    private static readonly LocalDate Monday = new(2017, 12, 11);

    private static Dictionary<string, string?> Settings(FakeSendGrid sendGrid, TimeSpan retryBaseDelay)
    {
        var settings = new Dictionary<string, string?>(sendGrid.Settings)
        {
            ["Scheduler:Dispatch:RetryBaseDelay"] = retryBaseDelay.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };
        return settings;
    }

    [Fact]
    public async Task Throttled_then_failing_then_rejected_digest_is_retried_twice_then_poisoned_with_the_reason()
    {
        const string rejection = """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}""";
        await using var sendGrid = await FakeSendGrid.StartAsync(FakeSendGrid.ForRecipient(
            Recipient, FakeSendGrid.Error(429, "too many requests", retryAfter: "1"), FakeSendGrid.Error(500, "Internal error"), new Reply(400, rejection)));
        await using var h = await SweepHarness.StartAsync(azurite, Monday, Settings(sendGrid, TimeSpan.FromSeconds(1)), triggers: true);
        await CroydonDemo.SeedAsync(h);

        // Croydon swept on Mon 11 Dec 2017 (first run); the local host's pollers dispatch every digest.
        var summary = await h.SweepAsync();
        Assert.True(summary.DigestsEnqueued > 1);
        var envelope = await WaitForPoisonAsync(h);
        await WaitAsync(async () => (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "alert-dispatch to empty");

        Assert.Empty(sendGrid.Violations);
        var mine = sendGrid.Requests.Where(r => r.To == Recipient).ToList();
        Assert.Equal([429, 500, 400], mine.Select(r => r.Status));
        Assert.Single(mine.Select(r => r.DigestKey).Distinct());
        // Retry-After: 1 was honoured; the transient 500 backed off 2 s (1 s doubled for the second attempt).
        Assert.True(mine[1].At - mine[0].At >= TimeSpan.FromSeconds(1), $"{mine[1].At - mine[0].At}");
        Assert.True(mine[2].At - mine[1].At >= TimeSpan.FromSeconds(2), $"{mine[2].At - mine[1].At}");

        var reason = (string)envelope["reason"]!;
        Assert.Contains("SendGrid 400: The from address does not match a verified Sender Identity.", reason, StringComparison.Ordinal);
        Assert.Equal("alert-dispatch", (string)envelope["queueName"]!);
        var original = Digest.Parse(envelope["originalMessage"]!.ToJsonString());
        Assert.Equal(mine[0].DigestKey, original.DigestKey);
        Assert.Equal(Recipient, original.Recipient);
        Assert.Equal(2, original.Attempt);

        foreach (var alert in original.Alerts)
        {
            var row = await h.LedgerRowAsync(alert);
            Assert.Equal(LedgerStatus.Failed, row.Status);
            Assert.Contains("does not match a verified Sender Identity", row.FailureReason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await h.OpenKeysAsync(), key => original.Alerts.Any(a => a.Key == key));

        // Everyone else's digest went, once each.
        var others = (await h.LedgerRowsAsync()).Where(r => r.Recipient != Recipient).ToList();
        Assert.NotEmpty(others);
        Assert.All(others, r => Assert.Equal(LedgerStatus.Sent, r.Status));
        Assert.Equal(summary.DigestsEnqueued - 1, sendGrid.Requests.Count(r => r.To != Recipient));
    }

    [Fact]
    public async Task A_dispatcher_dying_between_send_and_ledger_update_sends_at_most_one_duplicate()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();

        // The ledger on a pipeline that fails every entity-group transaction while armed: the ledger update after a
        // successful send (sent status + marker delete) never lands, as if the process died there.
        var crash = new FailBatches();
        await using var h = await SweepHarness.StartAsync(azurite, Monday, sendGrid.Settings, services: s => s.Replace(ServiceDescriptor.Singleton<IAlertLedger>(sp =>
        {
            var options = new TableClientOptions();
            options.AddPolicy(crash, HttpPipelinePosition.PerCall);
            options.Retry.MaxRetries = 0;
            return new AlertLedgerStore(new SchedulerTables(new TableServiceClient(azurite.ConnectionString, options), sp.GetRequiredService<IOptions<StorageOptions>>()));
        })));
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var message = await h.ReceiveDigestForAsync(Recipient, TimeSpan.FromSeconds(1));
        var digest = Digest.Parse(message.Body.ToString());

        crash.Armed = true;
        await Assert.ThrowsAnyAsync<Exception>(() => h.DeliverAsync(message));
        Assert.True(crash.Failures > 0);
        Assert.Single(sendGrid.Requests);
        Assert.Empty(await h.PoisonAsync()); // not a refusal: left to the platform to redeliver
        foreach (var alert in digest.Alerts)
        {
            Assert.Equal(LedgerStatus.Queued, (await h.LedgerRowAsync(alert)).Status);
        }

        // Redelivered: the ledger still says queued, so the email goes again (the one duplicate), and is recorded.
        crash.Armed = false;
        var redelivered = await h.ReceiveNextAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
        Assert.Equal(message.MessageId, redelivered.MessageId);
        Assert.Equal(2, redelivered.DequeueCount);
        await h.DeliverAsync(redelivered);
        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Equal(sendGrid.Requests[0].DigestKey, sendGrid.Requests[1].DigestKey);
        foreach (var alert in digest.Alerts)
        {
            var row = await h.LedgerRowAsync(alert);
            Assert.Equal(LedgerStatus.Sent, row.Status);
            Assert.Equal("sg-2", row.ProviderId);
        }

        // Any further delivery (a duplicate of the message) finds every alert sent and sends nothing.
        await h.DispatchQueue.SendMessageAsync(message.Body.ToString());
        await h.DeliverAsync(await h.ReceiveNextAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)));
        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.DoesNotContain(await h.OpenKeysAsync(), key => digest.Alerts.Any(a => a.Key == key));
        Assert.Empty(sendGrid.Violations);
        Assert.Empty(await h.PoisonAsync());
    }

    /// <summary>
    /// Two copies of one digest message (a put the SDK retried after storage had taken it) land next to each other
    /// and so in the same batch: delivered at once, they send one email between them.
    /// </summary>
    [Fact]
    public async Task Two_copies_of_a_digest_delivered_at_once_send_one_email()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var h = await SweepHarness.StartAsync(azurite, Monday, sendGrid.Settings);
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var (original, copy) = await DuplicatedDigestAsync(h);
        var digest = Digest.Parse(original.Body.ToString());

        await Task.WhenAll(h.DeliverAsync(original), h.DeliverAsync(copy));

        Assert.Single(sendGrid.Requests);
        Assert.Equal(digest.DigestKey, sendGrid.Requests[0].DigestKey);
        foreach (var alert in digest.Alerts)
        {
            Assert.Equal(LedgerStatus.Sent, (await h.LedgerRowAsync(alert)).Status);
        }

        Assert.Empty(sendGrid.Violations);
        Assert.Empty(await h.PoisonAsync());
    }

    /// <summary>
    /// A copy that finds the digest claimed by another message sends nothing and puts itself back, delayed until the
    /// claim lapses; once the holder has sent, the copy finds nothing left to send.
    /// </summary>
    [Fact]
    public async Task A_copy_that_finds_a_live_claim_waits_on_the_queue_and_then_finds_nothing_to_send()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var h = await SweepHarness.StartAsync(azurite, Monday, Lease(sendGrid, seconds: 2));
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var (original, copy) = await DuplicatedDigestAsync(h);
        var digest = Digest.Parse(original.Body.ToString());
        await ClaimFirstRowAsync(h, digest, original.MessageId, h.Clock.GetCurrentInstant());

        await h.DeliverAsync(copy);
        Assert.Empty(sendGrid.Requests);
        Assert.Contains(h.App.Logs.Lines, l => l.Message.Contains($"is being sent by message {original.MessageId}", StringComparison.Ordinal));
        // On the queue: the original (held by the test, as a consumer holds it) and the copy, back but not yet visible.
        Assert.Equal(2, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await h.DispatchQueue.PeekMessagesAsync(32)).Value);

        await h.DeliverAsync(original);
        Assert.Single(sendGrid.Requests);
        Assert.Equal(1, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // The lease (2 s) passes; the copy comes back and finds every alert sent.
        h.Clock.Advance(Duration.FromSeconds(3));
        var back = await h.ReceiveNextAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
        Assert.Equal(digest.DigestKey, Digest.Parse(back.Body.ToString()).DigestKey);
        await h.DeliverAsync(back);
        Assert.Single(sendGrid.Requests);
        Assert.Equal(0, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty(await h.PoisonAsync());
    }

    /// <summary>A claim older than the lease is a delivery that died: the next delivery takes it over and sends.</summary>
    [Fact]
    public async Task A_lapsed_claim_is_taken_over()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var h = await SweepHarness.StartAsync(azurite, Monday, Lease(sendGrid, seconds: 60));
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var message = await h.ReceiveDigestForAsync(Recipient, TimeSpan.FromSeconds(30));
        var digest = Digest.Parse(message.Body.ToString());
        await ClaimFirstRowAsync(h, digest, "a-delivery-that-died", h.Clock.GetCurrentInstant() - Duration.FromSeconds(61));

        await h.DeliverAsync(message);

        Assert.Single(sendGrid.Requests);
        foreach (var alert in digest.Alerts)
        {
            Assert.Equal(LedgerStatus.Sent, (await h.LedgerRowAsync(alert)).Status);
        }

        Assert.Equal(0, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_malformed_message_is_poisoned_at_once_naming_the_field()
    {
        await using var sendGrid = await FakeSendGrid.StartAsync();
        await using var h = await SweepHarness.StartAsync(azurite, Monday, sendGrid.Settings);
        const string body = """{"digestKey":"d1","recipient":"not-an-address","sweepDay":"2017-12-11","alerts":[]}""";
        await h.DispatchQueue.SendMessageAsync(body);

        var message = await h.ReceiveNextAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
        await h.DeliverAsync(message);

        var envelope = Assert.Single(await h.PoisonAsync());
        Assert.StartsWith("recipient:", (string)envelope["reason"]!, StringComparison.Ordinal);
        Assert.Equal(1, (long)envelope["dequeueCount"]!);
        Assert.Equal(message.MessageId, (string)envelope["messageId"]!);
        // Kept for replay, but for the refused value, which is withheld.
        var expected = JsonNode.Parse(body)!;
        expected["recipient"] = "[withheld]";
        Assert.True(JsonNode.DeepEquals(expected, envelope["originalMessage"]), envelope["originalMessage"]!.ToJsonString());
        Assert.Empty(sendGrid.Requests);
        Assert.Equal(0, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    /// <summary>
    /// A failing digest never holds up the others: with SendGrid failing for one recipient, everyone else's digest
    /// goes at once, and the failing one's retry waits on the queue (an invisible copy), not in the consumer.
    /// </summary>
    [Theory]
    [InlineData(503, null)]
    [InlineData(429, "60")]
    public async Task A_failing_digest_never_holds_up_the_others(int status, string? retryAfter)
    {
        var retryDelay = TimeSpan.FromSeconds(60);
        await using var sendGrid = await FakeSendGrid.StartAsync((to, _) => to == Recipient ? FakeSendGrid.Error(status, "failing for this recipient", retryAfter) : null);
        try
        {
            // The first transient retry waits RetryBaseDelay; a 429 waits its Retry-After. Both are 60 s here.
            await using var h = await SweepHarness.StartAsync(azurite, Monday, Settings(sendGrid, retryDelay), triggers: true);
            await CroydonDemo.SeedAsync(h);

            var watch = Stopwatch.StartNew();
            var summary = await h.SweepAsync();
            Assert.True(summary.DigestsEnqueued > 2, $"{summary.DigestsEnqueued} digests");
            await WaitAsync(
                async () => sendGrid.Requests.Any(r => r.To == Recipient)
                    && (await h.LedgerRowsAsync()).Where(r => r.Recipient != Recipient).All(r => r.Status == LedgerStatus.Sent),
                "every other digest to be sent",
                () => ExplainAsync(h, sendGrid));
            var othersSent = watch.Elapsed;

            Assert.True(othersSent < retryDelay / 2, $"the other digests took {othersSent} (the retry waits {retryDelay})");
            Assert.Empty(sendGrid.Violations);
            var others = sendGrid.Requests.Where(r => r.To != Recipient).ToList();
            Assert.Equal(summary.DigestsEnqueued - 1, others.Count);
            Assert.All(others, r => Assert.Equal(202, r.Status));
            Assert.Single(sendGrid.Requests, r => r.To == Recipient);

            // The failing digest is still the dispatcher's (queued, not failed), and its next attempt is a copy on
            // the queue that nobody can see yet.
            var mine = (await h.LedgerRowsAsync()).Where(r => r.Recipient == Recipient).ToList();
            Assert.NotEmpty(mine);
            Assert.All(mine, r => Assert.Equal(LedgerStatus.Queued, r.Status));
            await WaitAsync(async () => (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 1, "only the retry copy to remain");
            Assert.Empty((await h.DispatchQueue.PeekMessagesAsync(32)).Value);
            Assert.Empty(await h.PoisonAsync());
            Assert.Single(sendGrid.Requests, r => r.To == Recipient);
        }
        finally
        {
            await SweepHarness.ClearDispatchQueuesAsync(azurite);
        }
    }

    private static Dictionary<string, string?> Lease(FakeSendGrid sendGrid, int seconds) => new(sendGrid.Settings)
    {
        ["Scheduler:Dispatch:ClaimLease"] = TimeSpan.FromSeconds(seconds).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The digest for <see cref="Recipient"/> as two queue messages with one body (each held by the test).</summary>
    private static async Task<(QueueMessage Original, QueueMessage Copy)> DuplicatedDigestAsync(SweepHarness h)
    {
        var original = await h.ReceiveDigestForAsync(Recipient, TimeSpan.FromSeconds(60));
        await h.DispatchQueue.SendMessageAsync(original.Body.ToString());
        var copy = await h.ReceiveNextAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20));
        Assert.NotEqual(original.MessageId, copy.MessageId);
        Assert.Equal(original.Body.ToString(), copy.Body.ToString());
        return (original, copy);
    }

    /// <summary>Writes a delivery's claim on the digest's first row, as the dispatcher does, for message <paramref name="holder"/>.</summary>
    private static async Task ClaimFirstRowAsync(SweepHarness h, Digest digest, string holder, Instant at)
    {
        var ledger = h.App.Service<IAlertLedger>();
        var first = await h.LedgerRowAsync(digest.Alerts[0]);
        Assert.NotNull(await ledger.TryUpdateAsync(first with { DispatchClaim = holder, DispatchClaimedAt = at }, CancellationToken.None));
    }

    /// <summary>What the ledger, SendGrid and the app's own log lines say, for a failure message.</summary>
    private static async Task<string> ExplainAsync(SweepHarness h, FakeSendGrid sendGrid) =>
        "ledger:\n" + string.Join("\n", (await h.LedgerRowsAsync()).Select(r => $"  {r.Recipient} {r.Status} {r.DigestKey}"))
        + "\nSendGrid:\n" + string.Join("\n", sendGrid.Requests.Select(r => $"  {r.At} {r.To} {r.Status}"))
        + "\nlog:\n" + string.Join("\n", h.App.Logs.Lines
            .Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning || l.Category.StartsWith("Scheduler", StringComparison.Ordinal))
            .Select(l => $"  {l.Level} {l.Category}: {l.Message}"));

    private static async Task<JsonObject> WaitForPoisonAsync(SweepHarness h)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (await h.PoisonAsync() is [var envelope])
            {
                return envelope;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Nothing reached alert-dispatch-poison within 60 s.");
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what, Func<Task<string>>? explain = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed >= TimeSpan.FromSeconds(60))
            {
                Assert.Fail($"Timed out waiting for {what}." + (explain is null ? string.Empty : "\n" + await explain()));
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Fails every table batch request while armed.</summary>
    private sealed class FailBatches : HttpPipelinePolicy
    {
        private int _failures;
        private volatile bool _armed;

        public bool Armed
        {
            get => _armed;
            set => _armed = value;
        }

        public int Failures => _failures;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Check(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Check(HttpMessage message)
        {
            if (Armed && message.Request.Method == RequestMethod.Post && message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _failures);
                throw new IOException("Simulated crash between the send and the ledger update.");
            }
        }
    }
}
