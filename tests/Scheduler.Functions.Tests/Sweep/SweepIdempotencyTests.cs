using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// Concurrent sweeps, catch-up after missed runs, and recovery of alerts that never reached the queue (in process;
/// the crash of a real process is <see cref="SweepCrashTests"/>).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SweepIdempotencyTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> KeepQueued = new() { ["Scheduler:Sweep:RequeueQueuedAfter"] = "365.00:00:00" };

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static List<string> Keys(IEnumerable<AlertLedgerEntry> rows) => [.. rows.Select(r => r.Key).Order(StringComparer.Ordinal)];

    private static List<string> Keys(IEnumerable<Digest> digests) => [.. digests.SelectMany(d => d.Alerts).Select(a => a.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Two_sweeps_at_once_record_and_enqueue_each_alert_once()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 11));
        await CroydonDemo.SeedAsync(h);

        // 20 more children looked after on Mon 13 Nov 2017: first review 20 working days later, Mon 11 Dec.
        for (var i = 1; i <= 20; i++)
        {
            await h.PostAsync($"cases/CRO-LAC-{100 + i}", new
            {
                type = "LAC",
                assignees = new Dictionary<string, string> { ["IRO"] = $"iro{i % 3}@croydon.example", ["TM"] = $"tm{i % 4}@croydon.example" },
                events = new[] { CroydonDemo.Event("became_looked_after", D(2017, 11, 13)) },
            });
        }

        // Two operator runs and the timer's, at once.
        var operatorRuns = new[] { h.SweepAsync(), h.SweepAsync() };
        var timer = h.TimerSweepAsync();
        var results = await Task.WhenAll(operatorRuns);
        var timerNewAlerts = await timer;

        var rows = await h.LedgerRowsAsync();
        var digests = await h.DrainDigestsAsync();
        var dueToday = rows.Where(r => r.Alert.Rule == RuleIds.LacReviewFirst && r.Alert.Level == AlertLevel.Due).ToList();
        Assert.Equal(40, dueToday.Count); // 20 children × (IRO, TM)
        Assert.Equal(rows.Count, rows.Select(r => r.Key).Distinct().Count());
        Assert.Equal(rows.Count, results.Sum(r => r.NewAlerts) + timerNewAlerts);

        // Every recorded alert is in exactly one digest.
        Assert.Equal(Keys(rows), Keys(digests));
        Assert.All(rows, r => Assert.Equal(LedgerStatus.Queued, r.Status));
        Assert.All(results, r => Assert.Equal(D(2017, 12, 11), r.Watermark));

        // Running again the same day produces nothing new.
        var again = await h.SweepAsync();
        Assert.Equal(0, again.NewAlerts);
        Assert.Equal(D(2017, 12, 11), again.LastSuccessfulDay);
        Assert.Empty(again.EvaluatedDays);
        Assert.Empty(await h.DrainDigestsAsync());
    }

    [Fact]
    public async Task A_skipped_week_is_caught_up_by_one_run_once()
    {
        // No dispatcher runs here, so the first run's rows stay queued; keep the catch-up from re-enqueueing them as lost messages.
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 11, 24), KeepQueued);
        await CroydonDemo.SeedAsync(h);
        Assert.Equal([D(2017, 11, 24)], (await h.SweepAsync()).EvaluatedDays);
        await h.DrainDigestsAsync();
        var before = (await h.LedgerRowsAsync()).Select(r => r.Key).ToHashSet();

        // No sweep ran from Sat 25 Nov to Sun 3 Dec; the next one is Mon 4 Dec.
        h.Today = D(2017, 12, 4);
        var catchUp = await h.SweepAsync();
        Assert.Equal([D(2017, 11, 27), D(2017, 11, 28), D(2017, 11, 29), D(2017, 11, 30), D(2017, 12, 1), D(2017, 12, 4)], catchUp.EvaluatedDays);

        var added = (await h.LedgerRowsAsync()).Where(r => !before.Contains(r.Key)).ToList();
        Assert.All(added, r => Assert.Equal(D(2017, 12, 4), r.SweepDay));
        var described = added
            .Select(r => $"{r.Alert.Rule} {AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify} {r.Alert.RecipientRole} {r.Alert.TriggerDay:uuuu-MM-dd}")
            .ToList();

        // The action plan's "upcoming" alert (Mon 27 Nov, 10 working days before 11 Dec) was missed: sent now, once.
        Assert.Single(described, $"{RuleIds.ActionPlanSubmission} upcoming-0 PO 2017-11-27");
        Assert.Single(described, $"{RuleIds.ActionPlanSubmission} upcoming-0 DCS 2017-11-27");

        // The missed looked-after review was escalated on Mon 27 Nov and again on Mon 4 Dec: the current state goes
        // out once, not a stale copy of the 27 Nov notice as well.
        var review = added.Where(r => r.Alert.Rule == RuleIds.LacReviewFirst).ToList();
        Assert.Equal(["HOS", "IRO", "TM"], review.Select(r => $"{r.Alert.RecipientRole}").Order(StringComparer.Ordinal));
        Assert.All(review, r => Assert.Equal((AlertLevel.Escalated, 8, D(2017, 12, 4)), (r.Alert.Level, r.Alert.Renotify, r.Alert.TriggerDay)));

        Assert.Equal(Keys(added), Keys(await h.DrainDigestsAsync()));

        // A second run that day, and the next day's run, send none of it again.
        Assert.Equal(0, (await h.SweepAsync()).NewAlerts);
        h.Today = D(2017, 12, 5);
        var next = await h.SweepAsync();
        Assert.Equal([D(2017, 12, 5)], next.EvaluatedDays);
        Assert.Equal(added.Count + before.Count, (await h.LedgerRowsAsync()).Count(r => r.SweepDay <= D(2017, 12, 4)));
    }

    [Fact]
    public async Task Alerts_a_finished_sweep_could_not_enqueue_are_taken_over_at_once_by_the_recovery_timer()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 11));
        await CroydonDemo.SeedAsync(h);

        // The first run records its alerts, then cannot reach the queue (it has gone: 404 from the queue service).
        await h.DispatchQueue.DeleteAsync();
        SweepResult first;
        try
        {
            first = await h.SweepAsync();
        }
        finally
        {
            await h.DispatchQueue.CreateIfNotExistsAsync();
        }

        Assert.True(first.NewAlerts > 0);
        Assert.Equal(0, first.DigestsEnqueued);
        Assert.True(first.DigestsFailed > 0);
        Assert.All(await h.LedgerRowsAsync(), r => Assert.Equal(LedgerStatus.Pending, r.Status));

        // That run has finished, so nothing will enqueue its alerts but a successor: the recovery timer, a minute
        // later (well inside the 10-minute claim lease), takes them over and enqueues them, once.
        h.Clock.Advance(Duration.FromMinutes(1));
        var recovery = await h.RecoveryAsync();
        Assert.Equal(first.NewAlerts, recovery.Recovered);
        var rows = await h.LedgerRowsAsync();
        Assert.All(rows, r => Assert.Equal(LedgerStatus.Queued, r.Status));
        Assert.Equal(Keys(rows), Keys(await h.DrainDigestsAsync()));

        // Neither the next recovery run nor a sweep sends any of them again.
        Assert.Equal(0, (await h.RecoveryAsync()).Recovered);
        h.Clock.Advance(Duration.FromHours(2));
        var again = await h.SweepAsync();
        Assert.Equal((0, 0), (again.NewAlerts, again.Recovered));
        Assert.Empty(await h.DrainDigestsAsync());
    }

    [Fact]
    public async Task A_living_sweeps_claims_are_left_alone_and_a_dead_ones_are_taken_over_when_its_heartbeat_stops()
    {
        // A sweep that holds after its ledger writes (the fault-injection hook), with heartbeats every 5 minutes, a
        // heartbeat timeout of 6 and a claim lease of an hour: the clock is fake, so no heartbeat falls in this test
        // after the run's start, and moving the clock 7 minutes makes that run look dead while its lease still runs.
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 11), new Dictionary<string, string?>
        {
            ["Scheduler:Sweep:FaultInjectionHoldAfterLedger"] = "true",
            ["Scheduler:Sweep:HeartbeatInterval"] = "00:05:00",
            ["Scheduler:Sweep:HeartbeatTimeout"] = "00:06:00",
            ["Scheduler:Sweep:ClaimLease"] = "01:00:00",
        });
        await CroydonDemo.SeedAsync(h);
        using var stop = new CancellationTokenSource();
        var held = h.App.Service<SweepRunner>().SweepAsync("test", stop.Token);
        await h.WaitForLogAsync("FAULT INJECTION");
        var recorded = await h.LedgerRowsAsync();
        Assert.NotEmpty(recorded);
        Assert.All(recorded, r => Assert.Equal(LedgerStatus.Pending, r.Status));

        // Alive (fresh heartbeat, not finished, lease running): nobody takes its alerts.
        Assert.Equal(0, (await h.RecoveryAsync()).Recovered);
        Assert.Empty(await h.DrainDigestsAsync());

        // Seven minutes without a heartbeat: taken for dead, its alerts are enqueued at once, each once.
        h.Clock.Advance(Duration.FromMinutes(7));
        Assert.Equal(recorded.Count, (await h.RecoveryAsync()).Recovered);
        Assert.Equal(Keys(recorded), Keys(await h.DrainDigestsAsync()));

        // The held run, cancelled, enqueues nothing: it never got past its ledger writes.
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => held);
        Assert.Equal(0, (await h.RecoveryAsync()).Recovered);
        Assert.Empty(await h.DrainDigestsAsync());
        Assert.All(await h.LedgerRowsAsync(), r => Assert.Equal(LedgerStatus.Queued, r.Status));
    }

    [Fact]
    public async Task Queued_alerts_whose_message_was_lost_are_enqueued_again_after_two_days()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 11));
        await CroydonDemo.SeedAsync(h);
        var first = await h.SweepAsync();
        Assert.True(first.NewAlerts > 0);
        var lost = await h.DrainDigestsAsync(); // the messages vanish; no dispatcher ever saw them
        var mondayKeys = Keys(lost);

        h.Today = D(2017, 12, 12);
        var tuesday = await h.SweepAsync();
        Assert.Equal(0, tuesday.Recovered); // one day on: the dispatcher may still be retrying
        await h.DrainDigestsAsync();

        h.Today = D(2017, 12, 14);
        // Thursday noon is two days after both Monday's and Tuesday's enqueues: both are taken over, once.
        var later = await h.SweepAsync();
        Assert.Equal(first.NewAlerts + tuesday.NewAlerts, later.Recovered);
        var carried = Keys(await h.DrainDigestsAsync());
        Assert.All(mondayKeys, key => Assert.Contains(key, carried));
        Assert.Equal(carried.Count, carried.Distinct().Count());
    }
}
