using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Application.Authorities;
using Scheduler.Application.Demo;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Storage;
using Scheduler.Infrastructure.Tables;
using Xunit.Abstractions;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// A sweep killed (SIGKILL) between its ledger writes and its enqueue, in a real local-host process: the alerts it
/// recorded reach the outbox exactly once, within a recovery-timer period of the host coming back, and not the
/// next day. The kill point is made deterministic by the fault-injection setting
/// <c>Scheduler:Sweep:FaultInjectionHoldAfterLedger</c>, which makes the sweep hold (and say so in the log) right
/// after its ledger writes; the test kills the process from outside while it holds, as the platform or the OOM
/// killer would, so no shutdown or <c>finally</c> code of the dead run runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class SweepCrashTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Children = 100;

    // Every 5 seconds, and a run is taken for dead 4 seconds after its last heartbeat (beats every second): the
    // same mechanism as the defaults (every 10 minutes; beats every 30 s, dead after 2 minutes), in test time.
    private const string RecoverySchedule = "*/5 * * * * *";
    private static readonly TimeSpan RecoveryPeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Alerts_of_a_sweep_killed_between_ledger_and_enqueue_reach_the_outbox_exactly_once_within_a_recovery_period()
    {
        await SweepHarness.ClearDispatchQueuesAsync(azurite);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        var outbox = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + prefix);
        var work = Directory.CreateTempSubdirectory("scheduler-crash-").FullName; // no local.settings.json here
        var environment = new Dictionary<string, string>
        {
            ["Scheduler__Storage__ConnectionString"] = azurite.ConnectionString,
            ["Scheduler__Storage__TablePrefix"] = prefix,
            ["Scheduler__OperatorKeySha256"] = ApiKeyHasher.Hash(TestApp.OperatorKey),
            ["Scheduler__Outbox__Directory"] = outbox,
            ["Scheduler__SeedDemo"] = "true",
            ["SCHEDULER_TODAY"] = "2017-12-12",
            ["Scheduler__Sweep__Schedule"] = "0 0 0 1 1 *", // the daily timer stays out of the way (next 1 Jan)
            ["Scheduler__Sweep__RecoverySchedule"] = RecoverySchedule,
            ["Scheduler__Sweep__HeartbeatInterval"] = "00:00:01",
            ["Scheduler__Sweep__HeartbeatTimeout"] = "00:00:04",
        };
        var ledger = new AlertLedgerStore(new SchedulerTables(azurite.CreateTableServiceClient(), Options.Create(new StorageOptions { TablePrefix = prefix })));
        async Task<List<AlertLedgerEntry>> RowsAsync()
        {
            var rows = new List<AlertLedgerEntry>();
            await foreach (var row in ledger.ListAsync(DemoSeeder.Authority, CancellationToken.None))
            {
                rows.Add(row);
            }

            return rows;
        }

        try
        {
            List<AlertLedgerEntry> recorded;
            await using (var first = await LocalHostProcess.StartAsync(
                azurite.RepoRoot, work, new Dictionary<string, string>(environment) { ["Scheduler__Sweep__FaultInjectionHoldAfterLedger"] = "true" }, TimeSpan.FromMinutes(2)))
            {
                // The Croydon demo plus 100 children whose initial conference was due Mon 30 Oct 2017 (strategy
                // discussion Mon 9 Oct): each is escalated at first sight, to its chair, team manager and head of service.
                using var api = first.Client(DemoSeeder.DemoKey);
                for (var i = 1; i <= Children; i++)
                {
                    var response = await api.PostAsync($"/api/authorities/croydon/cases/CP-CRASH-{i:D3}", TestApp.Json(new
                    {
                        type = "CP",
                        assignees = new Dictionary<string, string> { ["CPC"] = $"chair{i % 10}@croydon.example", ["TM"] = $"tm{i % 10}@croydon.example" },
                        events = new[] { CroydonDemo.Event("strategy_discussion", new NodaTime.LocalDate(2017, 10, 9)) },
                    }));
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                }

                using var op = first.Client(TestApp.OperatorKey);
                var sweep = op.PostAsync("/api/ops/sweep", null);
                await first.WaitForOutputAsync("FAULT INJECTION", TimeSpan.FromMinutes(2));
                recorded = await RowsAsync();
                Assert.True(recorded.Count > 3 * Children, $"{recorded.Count} alerts recorded");
                Assert.All(recorded, r => Assert.Equal(LedgerStatus.Pending, r.Status));

                // While the run lives (heartbeat fresh, not finished), the host's own recovery timer leaves its alerts.
                await Task.Delay(RecoveryPeriod + HeartbeatTimeout);
                Assert.All(await RowsAsync(), r => Assert.Equal(LedgerStatus.Pending, r.Status));

                first.Kill();
                await Assert.ThrowsAnyAsync<Exception>(() => sweep);
            }

            // Dead between ledger and enqueue: everything recorded, nothing queued, nothing sent.
            Assert.All(await RowsAsync(), r => Assert.Equal(LedgerStatus.Pending, r.Status));
            Assert.False(Directory.Exists(outbox) && Directory.EnumerateFiles(outbox).Any());

            // The host comes back (no fault injection). Nobody runs a sweep: the recovery timer takes the dead run's
            // claims over (its heartbeat stopped) and enqueues them; the host's queue poller delivers the digests.
            await using var second = await LocalHostProcess.StartAsync(azurite.RepoRoot, work, environment, TimeSpan.FromMinutes(2));
            var back = Stopwatch.StartNew();
            List<AlertLedgerEntry> rows;
            while ((rows = await RowsAsync()).Any(r => r.Status != LedgerStatus.Sent))
            {
                Assert.True(back.Elapsed < TimeSpan.FromMinutes(2), $"{rows.Count(r => r.Status != LedgerStatus.Sent)} alerts not sent after {back.Elapsed}:\n{string.Join('\n', second.Output)}");
                await Task.Delay(250);
            }

            var elapsed = back.Elapsed;
            output.WriteLine($"{recorded.Count} alerts recorded by the killed sweep; all sent {elapsed.TotalSeconds:F1} s after the host was back");
            Assert.Equal(recorded.Select(r => r.Key).Order(StringComparer.Ordinal), rows.Select(r => r.Key).Order(StringComparer.Ordinal));

            // Taken over by one recovery run within its first period or two (the heartbeat had stopped before the host
            // was back), not by a sweep: the recovery run's log says it took every one of them.
            var recovery = Assert.Single(second.Output.Select(l => RecoveryLine().Match(l)), m => m.Success && m.Groups["n"].Value != "0");
            Assert.Equal(recorded.Count, int.Parse(recovery.Groups["n"].Value, CultureInfo.InvariantCulture));
            Assert.DoesNotContain(second.Output, l => l.Contains("Sweep ", StringComparison.Ordinal) && l.Contains(" started by ", StringComparison.Ordinal));

            // Exactly once: every digest sent once, the digests carried each alert once, and the outbox holds exactly
            // those emails, each to the address of the alerts it carried.
            var sent = second.Output.Select(l => SentLine().Match(l)).Where(m => m.Success).ToList();
            Assert.Equal(sent.Count, sent.Select(m => m.Groups["key"].Value).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(recorded.Count, sent.Sum(m => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)));
            var files = Directory.EnumerateFiles(outbox, "*.eml").ToDictionary(f => Path.GetFileName(f)!, f => MimeMessage.Load(f), StringComparer.Ordinal);
            Assert.Equal(sent.Count, files.Count);
            Assert.Equal(files.Keys.Order(StringComparer.Ordinal), rows.Select(r => r.ProviderId!).Distinct().Order(StringComparer.Ordinal));
            Assert.All(rows, r => Assert.Equal(r.Recipient, files[r.ProviderId!].To.Mailboxes.Single().Address, StringComparer.OrdinalIgnoreCase));

            // Within a recovery-timer period (plus the heartbeat timeout) of the host being back, and the delivery.
            Assert.True(elapsed < RecoveryPeriod + HeartbeatTimeout + TimeSpan.FromSeconds(45), $"all sent {elapsed} after the host was back");
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }

            Directory.Delete(work, recursive: true);
        }
    }

    [GeneratedRegex(@"Recovery \S+ \(recovery\) finished: (?<n>\d+) alerts taken over")]
    private static partial Regex RecoveryLine();

    [GeneratedRegex(@"Digest (?<key>\S+) sent to (?<to>\S+) with (?<n>\d+) alerts")]
    private static partial Regex SentLine();
}
