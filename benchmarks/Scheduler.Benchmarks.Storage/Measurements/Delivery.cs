using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduler.Application;
using Scheduler.Application.Alerts.Dispatch;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Ports;
using Scheduler.Benchmarks.Storage.Dataset;
using Scheduler.Benchmarks.Storage.Hosting;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Meta;
using Scheduler.Infrastructure.Mail;
using Scheduler.Infrastructure.Tables;
using Scheduler.LocalHost;

namespace Scheduler.Benchmarks.Storage.Measurements;

/// <summary>
/// Alert delivery: <c>alerts</c> ledger rows put in digests on the <c>alert-dispatch</c> queue the way the sweep
/// does it, then the local host's queue poller (host.json's batch settings) runs the real AlertDispatch function
/// until the queue is empty, with the outbox as the email sender. Counted afterwards: ledger rows sent against
/// .eml files, sends against digests, what is left on the queue and its poison queue.
/// </summary>
public static class Delivery
{
    private static readonly (string Rule, string Title, RuleGroup Group, Role[] Roles)[] Rules =
    [
        ("cp_plan_visits", "Visit to a child on a child protection plan", RuleGroup.ChildProtection, [Role.TM]),
        ("core_group_first", "Core group meeting", RuleGroup.ChildProtection, [Role.TM]),
        ("cp_review_subsequent_6m", "Child protection review conference", RuleGroup.ChildProtection, [Role.CPC, Role.TM]),
        ("lac_visit_first_year", "Statutory visit (first year of the placement)", RuleGroup.StatutoryVisit, [Role.TM]),
        ("lac_review_subsequent_6m", "Looked-after review", RuleGroup.LookedAfterReview, [Role.IRO, Role.TM]),
        ("lac_health_assessment", "Health assessment", RuleGroup.OtherChildLevel, [Role.TM]),
    ];

    /// <summary>
    /// Prepares the queue, delivers it and adds the figures to <paramref name="report"/>; with
    /// <paramref name="direct"/>, then does the same again on fresh tables with the AlertDispatch function invoked
    /// directly (16 at a time, as the poller's batch) instead of through the queue, so that the queue's share of the
    /// time shows side by side.
    /// </summary>
    public static async Task RunAsync(BenchStorage storage, Report report, CaseGenerator generator, int alerts, int authorityCount, bool direct, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var viaQueue = await RunOnceAsync(storage, report, generator, alerts, authorityCount, DeliveryPath.Queue, timeout, cancellationToken).ConfigureAwait(false);
        if (direct)
        {
            var withoutQueue = await RunOnceAsync(storage, report, generator, alerts, authorityCount, DeliveryPath.Direct, timeout, cancellationToken).ConfigureAwait(false);
            report.Add("delivery.ratio", $"without the queue / through the queue: {withoutQueue / viaQueue:F2}x ({withoutQueue:F0} against {viaQueue:F0} alerts/s)");
        }
    }

    /// <summary>One delivery of <paramref name="alerts"/> alerts on its own tables; returns alerts/s.</summary>
    private static async Task<double> RunOnceAsync(
        BenchStorage storage, Report report, CaseGenerator generator, int alerts, int authorityCount, DeliveryPath path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(generator);
        var name = path == DeliveryPath.Queue ? "delivery" : "delivery.direct";
        var sends = new CountingSender();
        await using var app = await BenchApp.StartAsync(storage, generator.Today, path == DeliveryPath.Queue ? "delivery" : "deliverydirect", services => services.Replace(ServiceDescriptor.Singleton<IEmailSender>(sp =>
        {
            sends.Inner = sp.GetRequiredService<OutboxEmailSender>();
            return sends;
        }))).ConfigureAwait(false);
        var authorities = await new Seeder(app, storage, generator).AuthoritiesAsync(authorityCount, cancellationToken).ConfigureAwait(false);
        var queues = storage.Queues();
        var queue = queues.GetQueueClient(QueueNames.AlertDispatch);
        var poison = queues.GetQueueClient(QueueNames.Poison(QueueNames.AlertDispatch));
        await queue.ClearMessagesAsync(cancellationToken).ConfigureAwait(false);
        await poison.ClearMessagesAsync(cancellationToken).ConfigureAwait(false);

        // The sweep's side: record every alert (row and open marker), then one digest per recipient, rows marked
        // queued; through the queue each digest is put on alert-dispatch, directly it is kept for the invocations.
        var prepare = Stopwatch.StartNew();
        var ledger = app.Service<IAlertLedger>();
        var now = app.Service<IClock>().GetCurrentInstant();
        var recorded = new ConcurrentBag<AlertLedgerEntry>();
        await Parallel.ForEachAsync(
            Entries(authorities.Select(a => a.Code).ToList(), alerts, generator.Today, now),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                if (await ledger.TryRecordAsync(entry, ct).ConfigureAwait(false) is { } stored)
                {
                    recorded.Add(stored);
                }
            }).ConfigureAwait(false);
        var recordSeconds = prepare.Elapsed.TotalSeconds;
        var messages = app.Service<IMessageQueue>();
        var bodies = new List<DispatchMessage>();
        var slowestPut = 0.0;
        foreach (var recipient in recorded.GroupBy(e => e.Recipient, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var part in recipient.OrderBy(e => e.Key, StringComparer.Ordinal).Chunk(100))
            {
                var digestKey = DigestComposer.DigestKey(recipient.Key, generator.Today, part.Select(e => e.Alert));
                var message = new DispatchMessage(digestKey, recipient.Key, generator.Today, [.. part.Select(e => new DispatchAlertRef(e.Authority, e.Key))]);
                if (path == DeliveryPath.Queue)
                {
                    var put = Stopwatch.StartNew();
                    var outcome = await messages.SendAsync(QueueNames.AlertDispatch, new OutgoingMessage(message.MessageId, message.ToJson()), cancellationToken).ConfigureAwait(false);
                    if (!outcome.IsSent)
                    {
                        throw new InvalidOperationException($"Could not enqueue digest {digestKey}: {outcome}");
                    }

                    slowestPut = Math.Max(slowestPut, put.Elapsed.TotalSeconds);
                }

                bodies.Add(message);
                foreach (var entry in part)
                {
                    await ledger.TryUpdateAsync(entry with { Status = LedgerStatus.Queued, DigestKey = digestKey, EnqueuedAt = now }, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var digests = bodies.Count;

        // What is on the queue before the poller starts: a put that the SDK retried after storage had already taken
        // it shows here as one message too many.
        var waiting = (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        report.Add(
            $"{name}.prepare",
            $"{recorded.Count} alerts recorded in {recordSeconds:F1} s ({recorded.Count / recordSeconds:F0}/s), {digests} digests {(path == DeliveryPath.Queue ? "enqueued" : "composed")} and rows marked queued in {prepare.Elapsed.TotalSeconds - recordSeconds:F1} s; {(double)recorded.Count / digests:F2} alerts per digest; {waiting} messages on the queue; slowest put {slowestPut:F1} s");

        var options = app.Service<QueueHostOptions>();
        var load = Report.Load1();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var storageCpuBefore = storage.CpuTime();
        var tableCpu = storage.TableCpuTime();
        var deliver = Stopwatch.StartNew();
        if (path == DeliveryPath.Queue)
        {
            await DeliverThroughQueueAsync(app, queue, sends, digests, timeout, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await DeliverDirectlyAsync(app, bodies, options.BatchSize, cancellationToken).ConfigureAwait(false);
        }

        var elapsed = deliver.Elapsed;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var storageCpu = storage.CpuTime() - storageCpuBefore;
        var storageTableCpu = storage.TableCpuTime() - tableCpu;

        // Counting: every ledger row, every .eml, what is left on the queues.
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var providerIds = new HashSet<string>(StringComparer.Ordinal);
        var markers = 0;
        await foreach (var row in storage.Tables().GetTableClient(app.TablePrefix + TableNames.AlertLedger)
            .QueryAsync<TableEntity>(select: ["RowKey", "Status", "ProviderId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith('~'))
            {
                markers++;
                continue;
            }

            var status = row.GetString("Status") ?? "?";
            rows[status] = rows.GetValueOrDefault(status) + 1;
            if (status == "sent" && row.GetString("ProviderId") is { } id)
            {
                providerIds.Add(id);
            }
        }

        var files = Directory.Exists(app.Outbox) ? Directory.GetFiles(app.Outbox, "*.eml").Select(f => Path.GetFileName(f)!).ToHashSet(StringComparer.Ordinal) : [];
        var sent = rows.GetValueOrDefault("sent");
        var left = (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        var poisoned = (await poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        var intact = sent == recorded.Count && markers == 0 && files.Count == digests && sends.Count == digests && providerIds.SetEquals(files) && left == 0 && poisoned == 0;
        var how = path == DeliveryPath.Queue
            ? $"through the queue poller (batch {options.BatchSize}, new batch at {options.NewBatchThreshold})"
            : $"by invoking AlertDispatch directly, {options.BatchSize} at a time, no queue";
        report.Add(
            $"{name}.throughput",
            $"{sent} alerts in {digests} digests delivered {how} in {elapsed.TotalSeconds:F1} s = {sent / elapsed.TotalSeconds:F0} alerts/s, {digests / elapsed.TotalSeconds:F0} digests/s (target >= 200 alerts/s); CPU harness {harnessCpu.TotalSeconds:F0} s, storage {storage.CpuText(storageCpu)} (tables {storage.CpuText(storageTableCpu)}, queues {storage.CpuText(storageCpu - storageTableCpu)})",
            load);
        report.Add(
            $"{name}.counted",
            $"ledger {string.Join(", ", rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Value} {r.Key}"))}; {markers} open markers left; {files.Count} .eml files, {sends.Count} sends for {digests} digests; sent rows name {providerIds.Count} files, {providerIds.Count(files.Contains)} of them present; queue {left} left, poison {poisoned}; {(intact ? "nothing lost or doubled" : "MISMATCH")}");
        return sent / elapsed.TotalSeconds;
    }

    /// <summary>The local host's queue poller running the real AlertDispatch function until every digest is sent.</summary>
    private static async Task DeliverThroughQueueAsync(BenchApp app, QueueClient queue, CountingSender sends, int digests, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var poller = ActivatorUtilities.CreateInstance<QueueTriggers>(app.Services);
        var deliver = Stopwatch.StartNew();
        await poller.StartAsync(cancellationToken).ConfigureAwait(false);
        var lastReport = TimeSpan.Zero;
        while (deliver.Elapsed < timeout)
        {
            var properties = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
            if (properties.Value.ApproximateMessagesCount == 0 && sends.Count >= digests)
            {
                break;
            }

            if (deliver.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = deliver.Elapsed;
                Report.Note($"    … {sends.Count}/{digests} digests sent, {properties.Value.ApproximateMessagesCount} messages left, load {Report.Load1()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }

        await poller.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// The same function through the local host's invoker (a scope and an instance per invocation, as the poller
    /// does), given each digest as the queue message it would have been, <paramref name="parallelism"/> at a time.
    /// </summary>
    private static async Task DeliverDirectlyAsync(BenchApp app, IReadOnlyList<DispatchMessage> digests, int parallelism, CancellationToken cancellationToken)
    {
        var invoker = app.Service<FunctionInvoker>();
        var function = app.Service<IEnumerable<FunctionEntry>>().Single(f => f.Name == nameof(Functions.Triggers.AlertDispatch));
        var inserted = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(
            digests,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (digest, ct) =>
            {
                var message = QueuesModelFactory.QueueMessage(digest.MessageId, "direct", BinaryData.FromString(digest.ToJson()), dequeueCount: 1, insertedOn: inserted);
                await invoker.InvokeAsync(function, message, new Dictionary<string, string?>(), ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="count"/> alerts spread evenly over the authorities, each for one case milestone and one
    /// address from the dataset's pools (team managers, IROs, conference chairs), so digests have the sweep's mix.
    /// </summary>
    private static IEnumerable<AlertLedgerEntry> Entries(IReadOnlyList<string> authorities, int count, LocalDate today, Instant now)
    {
        var random = new Random(20170904);
        for (var i = 0; i < count; i++)
        {
            var authority = authorities[i % authorities.Count];
            var (rule, title, group, roles) = Rules[random.Next(Rules.Length)];
            var role = roles[random.Next(roles.Length)];
            var level = (AlertLevel)random.Next(1, 5);
            var overdue = level >= AlertLevel.Overdue ? random.Next(1, 30) : 0;
            var due = level >= AlertLevel.Overdue ? today.PlusDays(-overdue) : today.PlusDays(level == AlertLevel.Upcoming ? 7 : 0);
            var candidate = new AlertCandidate
            {
                SubjectKind = SubjectKind.Case,
                AuthorityCode = authority,
                SubjectId = $"{(group == RuleGroup.ChildProtection ? "CP" : "LA")}A{i:D7}",
                Rule = rule,
                Sequence = random.Next(1, 20),
                Title = title,
                Group = group,
                Due = due,
                Effective = due,
                Level = level,
                Renotify = 0,
                TriggerDay = today,
                RecipientRole = role,
                DaysOverdue = overdue,
                WorkingDaysToDue = level == AlertLevel.Upcoming ? 5 : 0,
            };
            var address = role switch
            {
                Role.TM => $"tm{random.Next(CaseGenerator.TeamManagers):D2}@{authority}.example",
                Role.IRO => $"iro{random.Next(CaseGenerator.Iros):D2}@{authority}.example",
                _ => $"cpc{random.Next(CaseGenerator.Chairs):D2}@{authority}.example",
            };
            yield return new AlertLedgerEntry
            {
                Key = candidate.KeyFor(address),
                Alert = candidate,
                Recipient = address,
                SweepDay = today,
                RecordedAt = now,
                Status = LedgerStatus.Pending,
                ClaimId = "benchmark",
                ClaimedAt = now,
            };
        }
    }

    private enum DeliveryPath
    {
        Queue,
        Direct,
    }

    /// <summary>The outbox sender, counting sends (a digest sent twice would show as more sends than digests).</summary>
    private sealed class CountingSender : IEmailSender
    {
        private int _count;

        public IEmailSender? Inner { get; set; }

        public int Count => Volatile.Read(ref _count);

        public async Task<DeliveryOutcome> SendAsync(EmailMessage message, CancellationToken cancellationToken)
        {
            var outcome = await Inner!.SendAsync(message, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _count);
            return outcome;
        }
    }
}
