using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Ports;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Tests.Sweep;
using Scheduler.Infrastructure.ServiceBus;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>
/// Publishing sent alerts to the Service Bus topic. No broker runs here, so the tests check the message the
/// publisher builds and what it hands the SDK's sender (a <see cref="ServiceBusSender"/> subclass through its
/// constructor for mocking), and that dispatch publishes exactly what it settled as sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ServiceBusAlertPublisherTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Monday = new(2017, 12, 11);

    /// <summary>A sent "overdue" alert of a child protection case, to its team manager unless another address is given.</summary>
    private static AlertLedgerEntry SentEntry(string recipient = "tm1@croydon.example") => SentEntry(Overdue, recipient);

    private static AlertLedgerEntry SentEntry(AlertCandidate alert, string recipient) => new()
    {
        Key = alert.KeyFor(recipient),
        Alert = alert,
        Recipient = recipient,
        SweepDay = new LocalDate(2017, 9, 26),
        RecordedAt = Instant.FromUtc(2017, 9, 26, 6, 0, 3),
        Status = LedgerStatus.Sent,
        SentAt = Instant.FromUtc(2017, 9, 26, 6, 0, 9),
        ProviderId = "sg-1",
    };

    private static AlertCandidate Overdue => new()
    {
        SubjectKind = SubjectKind.Case,
        AuthorityCode = "croydon",
        SubjectId = "CRO-CP-001",
        Rule = RuleIds.Icpc,
        Sequence = 1,
        Title = "Initial child protection conference",
        Group = RuleGroup.ChildProtection,
        Due = new LocalDate(2017, 9, 25),
        Effective = new LocalDate(2017, 9, 25),
        Level = AlertLevel.Overdue,
        Renotify = 0,
        TriggerDay = new LocalDate(2017, 9, 26),
        RecipientRole = Role.TM,
        DaysOverdue = 1,
    };

    [Fact]
    public void The_message_is_keyed_by_the_alert_and_carries_case_references_and_dates_only()
    {
        var entry = SentEntry();

        var message = ServiceBusAlertPublisher.ToMessage(entry);

        // The alert key as docs/alerts.md spells it (kind.authority.subject.rule.sequence.dueYYYYMMDD.level-renotify.role),
        // written by hand: the topic's duplicate detection drops a repeat of the same alert.
        const string alertKey = "case.croydon.CRO-CP-001.icpc_15wd.1.20170925.overdue-0.TM";
        Assert.Equal(alertKey, message.MessageId);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal("overdue", message.Subject);
        Assert.Equal("croydon", message.ApplicationProperties["authority"]);
        Assert.Equal("overdue", message.ApplicationProperties["level"]);
        Assert.Equal("ChildProtection", message.ApplicationProperties["group"]);

        var body = JsonNode.Parse(message.Body.ToString())!.AsObject();
        Assert.Equal(
            ["alertKey", "authority", "daysOverdue", "due", "effective", "level", "recipientRole", "rule", "sentAt", "subjectId", "subjectKind", "title"],
            body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(alertKey, (string)body["alertKey"]!);
        Assert.Equal("croydon", (string)body["authority"]!);
        Assert.Equal("case", (string)body["subjectKind"]!);
        Assert.Equal("CRO-CP-001", (string)body["subjectId"]!);
        Assert.Equal("icpc_15wd", (string)body["rule"]!);
        Assert.Equal("Initial child protection conference", (string)body["title"]!);
        Assert.Equal("2017-09-25", (string)body["due"]!);
        Assert.Equal("2017-09-25", (string)body["effective"]!);
        Assert.Equal("overdue", (string)body["level"]!);
        Assert.Equal(1, (int)body["daysOverdue"]!);
        Assert.Equal("TM", (string)body["recipientRole"]!);
        Assert.Equal(DateTimeOffset.Parse("2017-09-26T06:00:09Z", System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse((string)body["sentAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        // No personal data anywhere in the message: not the recipient's address (plain or escaped as in ledger keys).
        var everything = string.Join(
            "\n",
            message.Body.ToString(), message.MessageId, message.Subject, message.CorrelationId, message.SessionId, message.PartitionKey, message.To, message.ReplyTo,
            string.Join("\n", message.ApplicationProperties.Select(p => $"{p.Key}={p.Value}")));
        Assert.DoesNotContain("tm1", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("~40", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("croydon.example", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Two_recipients_of_one_alert_publish_the_same_message_id()
    {
        var first = ServiceBusAlertPublisher.ToMessage(SentEntry("tm1@croydon.example"));
        var second = ServiceBusAlertPublisher.ToMessage(SentEntry("tm-deputy@croydon.example"));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(first.Body.ToString(), second.Body.ToString());
    }

    [Fact]
    public async Task Publishing_sends_one_batch_with_one_message_per_alert()
    {
        var sender = new RecordingSender();
        var publisher = new ServiceBusAlertPublisher(sender, Samples.Log<ServiceBusAlertPublisher>());
        var entries = new[]
        {
            SentEntry(),
            SentEntry(Overdue with { Level = AlertLevel.Escalated, RecipientRole = Role.HOS, DaysOverdue = 5 }, "hos@croydon.example"),
        };

        Assert.True(publisher.IsEnabled);
        await publisher.PublishAsync(entries, CancellationToken.None);

        var batch = Assert.Single(sender.Batches);
        Assert.Equal(
            ["case.croydon.CRO-CP-001.icpc_15wd.1.20170925.overdue-0.TM", "case.croydon.CRO-CP-001.icpc_15wd.1.20170925.escalated-0.HOS"],
            batch.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Dispatch_publishes_exactly_the_alerts_it_settled_as_sent()
    {
        var sender = new RecordingSender();
        await using var h = await StartAsync(sender);
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var message = await h.ReceiveDigestAsync(d => d.Alerts.Count >= 3, "a digest of three alerts or more", TimeSpan.FromSeconds(30));
        var digest = Digest.Parse(message.Body.ToString());

        // An earlier delivery already settled one of its alerts as sent: it is left out of this email and of this publication.
        var ledger = h.App.Service<IAlertLedger>();
        var earlier = await h.LedgerRowAsync(digest.Alerts[0]);
        Assert.True(await ledger.TrySettleAsync(earlier with { Status = LedgerStatus.Sent, SentAt = h.Clock.GetCurrentInstant(), ProviderId = "earlier" }, CancellationToken.None));

        await h.DeliverAsync(message);

        var batch = Assert.Single(sender.Batches);
        var expected = digest.Alerts.Skip(1).Select(a => WithoutAddress(a.Key, digest.Recipient)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, batch.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        foreach (var alert in digest.Alerts.Skip(1))
        {
            var row = await h.LedgerRowAsync(alert);
            Assert.Equal(LedgerStatus.Sent, row.Status);
            var published = Assert.Single(batch, m => m.MessageId == WithoutAddress(alert.Key, digest.Recipient));
            Assert.Equal(row.SentAt!.Value.ToDateTimeOffset(), DateTimeOffset.Parse((string)JsonNode.Parse(published.Body.ToString())!["sentAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        }

        // A redelivery finds everything settled: no email, nothing published again.
        await h.DispatchQueue.SendMessageAsync(message.Body.ToString());
        await h.DeliverAsync(await h.ReceiveNextAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20)));
        Assert.Single(sender.Batches);
        Assert.Single(await h.App.Service<IOutbox>().ListAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(400)]
    [InlineData(503)]
    public async Task Nothing_is_published_for_a_digest_that_was_not_sent(int status)
    {
        var sender = new RecordingSender();
        await using var sendGrid = await FakeSendGrid.StartAsync((_, _) => FakeSendGrid.Error(status, "not today"));
        await using var h = await StartAsync(sender, sendGrid.Settings);
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var message = await h.ReceiveDigestForAsync("dcs@croydon.example", TimeSpan.FromSeconds(30));

        await h.DeliverAsync(message);

        Assert.Single(sendGrid.Requests);
        Assert.Empty(sender.Batches);
        await SweepHarness.ClearDispatchQueuesAsync(azurite);
    }

    [Fact]
    public async Task A_publishing_failure_does_not_fail_the_dispatch()
    {
        var sender = new RecordingSender(new ServiceBusException("The topic is unreachable.", ServiceBusFailureReason.ServiceCommunicationProblem));
        await using var h = await StartAsync(sender);
        await CroydonDemo.SeedAsync(h);
        Assert.True((await h.SweepAsync()).DigestsEnqueued > 0);
        var message = await h.ReceiveDigestForAsync("dcs@croydon.example", TimeSpan.FromSeconds(30));
        var digest = Digest.Parse(message.Body.ToString());

        // The function completes (the email has gone: a redelivery would send it again).
        await h.DeliverAsync(message);

        Assert.Equal(1, sender.Attempts);
        Assert.Single(await h.App.Service<IOutbox>().ListAsync(CancellationToken.None));
        foreach (var alert in digest.Alerts)
        {
            Assert.Equal(LedgerStatus.Sent, (await h.LedgerRowAsync(alert)).Status);
        }

        Assert.Empty(await h.PoisonAsync());
        Assert.Equal(0, (await h.DispatchQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Contains(h.App.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("could not be published", StringComparison.Ordinal));
    }

    private Task<SweepHarness> StartAsync(RecordingSender sender, IReadOnlyDictionary<string, string?>? settings = null) =>
        SweepHarness.StartAsync(azurite, Monday, settings, services: s => s.Replace(ServiceDescriptor.Singleton<IAlertPublisher>(sp =>
            new ServiceBusAlertPublisher(sender, sp.GetRequiredService<ILogger<ServiceBusAlertPublisher>>()))));

    /// <summary>A ledger key without its address suffix (the address escaped as docs/alerts.md says: '@' → ~40, '.' → ~2E).</summary>
    private static string WithoutAddress(string ledgerKey, string address)
    {
        var suffix = "." + address.Replace(".", "~2E", StringComparison.Ordinal).Replace("@", "~40", StringComparison.Ordinal);
        Assert.EndsWith(suffix, ledgerKey, StringComparison.Ordinal);
        return ledgerKey[..^suffix.Length];
    }

    /// <summary>The SDK's sender, subclassed through its constructor for mocking: records each batch, or fails.</summary>
    private sealed class RecordingSender(Exception? failure = null) : ServiceBusSender
    {
        private int _attempts;

        public ConcurrentQueue<IReadOnlyList<ServiceBusMessage>> Batches { get; } = new();

        public int Attempts => _attempts;

        public override string EntityPath => "alerts-sent";

        public override Task SendMessagesAsync(IEnumerable<ServiceBusMessage> messages, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            var batch = messages.ToList();
            if (failure is not null)
            {
                return Task.FromException(failure);
            }

            Batches.Enqueue(batch);
            return Task.CompletedTask;
        }
    }
}
