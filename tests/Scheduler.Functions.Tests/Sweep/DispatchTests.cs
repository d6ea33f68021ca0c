using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Scheduler.Functions.Alerts;
using Scheduler.Functions.Dispatch;
using Scheduler.Functions.Host;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Sweep;
using Scheduler.Functions.Tests.Infrastructure;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>The <c>alert-dispatch</c> processor against a local SendGrid stand-in and real Azurite queues and tables.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DispatchTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Queue = "alert-dispatch";
    private const string Recipient = "dcs@croydon.example";

    public async Task InitializeAsync()
    {
        foreach (var name in new[] { Queue, Queue + "-poison", "case-events", "case-events-poison" })
        {
            var queue = azurite.CreateQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Throttled_then_failing_then_rejected_digest_is_retried_twice_then_poisoned_with_the_reason()
    {
        var (h, digest) = await SweepOneDigestAsync();
        const string rejection = """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}""";
        await using var sendGrid = new FakeSendGrid((429, string.Empty, "1"), (500, """{"errors":[{"message":"Internal error"}]}""", null), (400, rejection, null));
        var processor = Processor(h, h.Ledger, sendGrid, new DispatchOptions { RetryBaseDelay = TimeSpan.FromSeconds(1) });
        await azurite.CreateQueueClient(Queue).SendMessageAsync(digest.ToJson());

        JsonObject envelope;
        await using (await StartLocalTriggersAsync(processor))
        {
            envelope = await WaitForPoisonAsync();
        }

        Assert.Empty(sendGrid.Violations);
        Assert.Equal([429, 500, 400], sendGrid.Requests.Select(r => r.Status));
        Assert.All(sendGrid.Requests, r => Assert.Equal(Recipient, r.To));
        Assert.Single(sendGrid.Requests.Select(r => r.DigestKey).Distinct());
        // Retry-After: 1 was honoured; the transient 500 backed off 2 s (1 s doubled for the second attempt).
        Assert.True(sendGrid.Requests[1].At - sendGrid.Requests[0].At >= TimeSpan.FromSeconds(1), $"{sendGrid.Requests[1].At - sendGrid.Requests[0].At}");
        Assert.True(sendGrid.Requests[2].At - sendGrid.Requests[1].At >= TimeSpan.FromSeconds(2), $"{sendGrid.Requests[2].At - sendGrid.Requests[1].At}");

        var reason = (string)envelope["reason"]!;
        Assert.Contains("SendGrid 400: The from address does not match a verified Sender Identity.", reason, StringComparison.Ordinal);
        Assert.Equal(digest.DigestKey, (string)envelope["originalMessage"]!["digestKey"]!);
        Assert.Equal(2, (int)envelope["originalMessage"]!["attempt"]!);

        foreach (var alert in digest.Alerts)
        {
            var row = await h.Ledger.GetAsync(alert.Authority, alert.Key, CancellationToken.None);
            Assert.Equal(LedgerStatus.Failed, row!.Status);
            Assert.Contains("does not match a verified Sender Identity", row.FailureReason, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await ListOpenAsync(h), key => digest.Alerts.Any(a => a.Key == key));
        Assert.Equal(0, await azurite.CreateQueueClient(Queue).GetApproximateMessageCountAsync());
    }

    [Fact]
    public async Task A_dispatcher_dying_between_send_and_ledger_update_sends_at_most_one_duplicate()
    {
        var (h, digest) = await SweepOneDigestAsync();
        await using var sendGrid = new FakeSendGrid();

        // The same tables through a pipeline that fails every entity-group transaction while armed: the ledger
        // update after a successful send (sent status + marker delete) never lands, as if the process died there.
        var crash = new FailBatches();
        var storage = new StorageClientOptions();
        storage.AddPolicy(crash, HttpPipelinePosition.PerCall);
        storage.Retry.MaxRetries = 0;
        var faulty = new SweepHarness(azurite, storage, h.Prefix);
        var body = digest.ToJson();

        crash.Armed = true;
        var first = await Processor(h, faulty.Ledger, sendGrid, new DispatchOptions()).ProcessAsync(body, Context(1), CancellationToken.None);
        Assert.IsType<ProcessResult.Transient>(first);
        Assert.True(crash.Failures > 0);
        Assert.Single(sendGrid.Requests);
        foreach (var alert in digest.Alerts)
        {
            Assert.Equal(LedgerStatus.Queued, (await h.Ledger.GetAsync(alert.Authority, alert.Key, CancellationToken.None))!.Status);
        }

        // Redelivered: the ledger still says queued, so the email goes again (the one duplicate), and is recorded.
        crash.Armed = false;
        var second = await Processor(h, faulty.Ledger, sendGrid, new DispatchOptions()).ProcessAsync(body, Context(2), CancellationToken.None);
        Assert.IsType<ProcessResult.Success>(second);
        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.Equal(sendGrid.Requests[0].DigestKey, sendGrid.Requests[1].DigestKey);
        foreach (var alert in digest.Alerts)
        {
            var row = await h.Ledger.GetAsync(alert.Authority, alert.Key, CancellationToken.None);
            Assert.Equal(LedgerStatus.Sent, row!.Status);
            Assert.Equal("sg-2", row.ProviderId);
        }

        // Any further delivery finds every alert sent and sends nothing.
        var third = await Processor(h, h.Ledger, sendGrid, new DispatchOptions()).ProcessAsync(body, Context(3), CancellationToken.None);
        Assert.IsType<ProcessResult.Success>(third);
        Assert.Equal(2, sendGrid.Requests.Count);
        Assert.DoesNotContain(await ListOpenAsync(h), key => digest.Alerts.Any(a => a.Key == key));
        Assert.Empty(sendGrid.Violations);
    }

    [Fact]
    public async Task A_malformed_message_fails_permanently_naming_the_field()
    {
        var (h, _) = await SweepOneDigestAsync();
        await using var sendGrid = new FakeSendGrid();
        var result = await Processor(h, h.Ledger, sendGrid, new DispatchOptions())
            .ProcessAsync("""{"digestKey":"d1","recipient":"not-an-address","sweepDay":"2017-12-11","alerts":[]}""", Context(1), CancellationToken.None);
        var failure = Assert.IsType<ProcessResult.PermanentFailure>(result);
        Assert.StartsWith("recipient:", failure.Reason, StringComparison.Ordinal);
        Assert.Empty(sendGrid.Requests);
    }

    private static MessageContext Context(int delivery) => new(AlertDispatchFunction.FunctionName, Queue, "m1", delivery, null);

    /// <summary>Croydon swept on Mon 11 Dec 2017 (first run): returns the digest for the DCS.</summary>
    private async Task<(SweepHarness Harness, DispatchMessage Digest)> SweepOneDigestAsync()
    {
        var h = new SweepHarness(azurite);
        await h.InitializeAsync();
        h.Clock.Today = new LocalDate(2017, 12, 11);
        await CroydonDemo.SeedAsync(h);
        var summary = await h.SweepAsync();
        Assert.True(summary.DigestsEnqueued > 0);
        var digests = await h.DrainDigestsAsync();
        return (h, Assert.Single(digests, d => d.Recipient == Recipient));
    }

    private static AlertDispatchProcessor Processor(SweepHarness h, AlertLedgerStore ledger, FakeSendGrid sendGrid, DispatchOptions options)
    {
        var settings = new SendGridOptions { ApiKey = FakeSendGrid.ApiKey, BaseUrl = sendGrid.BaseUrl, FromAddress = "alerts@scheduler.example" };
        var email = new SendGridEmailSender(new HttpClient(), settings, SystemClock.Instance, NullLogger<SendGridEmailSender>.Instance);
        return new AlertDispatchProcessor(
            ledger, h.Authorities, email, h.Sender, settings, MsOptions.Create(new SchedulerOptions()), MsOptions.Create(options),
            SystemClock.Instance, NullLogger<AlertDispatchProcessor>.Instance);
    }

    private static async Task<List<string>> ListOpenAsync(SweepHarness h)
    {
        var open = new List<string>();
        await foreach (var key in h.Ledger.ListOpenKeysAsync(SweepHarness.Authority, CancellationToken.None))
        {
            open.Add(key);
        }

        return open;
    }

    private async Task<JsonObject> WaitForPoisonAsync()
    {
        var poison = azurite.CreateQueueClient(Queue + "-poison");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var peeked = await poison.PeekMessagesAsync(32);
            if (peeked.Count > 0)
            {
                return (JsonObject)JsonNode.Parse(Assert.Single(peeked).MessageText)!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Nothing reached alert-dispatch-poison within 60 s.");
    }

    /// <summary>The local trigger runner (as in the app) polling alert-dispatch with the given processor.</summary>
    private Task<RunningTriggers> StartLocalTriggersAsync(IMessageProcessor processor) =>
        RunningTriggers.StartAsync(azurite, processor, TimeSpan.FromMilliseconds(300));

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
