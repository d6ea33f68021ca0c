using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Alerts.Sweep;

/// <summary>
/// The daily sweep: recomputes from state which alerts are due, records each in the alert ledger once, and
/// enqueues one digest per recipient; and the recovery run, which enqueues what a crashed sweep recorded. Safe to
/// run again, late, or twice at once (see docs/alerts.md).
/// </summary>
public sealed partial class SweepRunner(
    IClock clock,
    IDueIndexStore dueIndex,
    IAuthorityStore authorities,
    IAcknowledgementStore acknowledgements,
    IAlertLedger ledger,
    ISweepStateStore state,
    ISweepRunStore runs,
    RetentionService retention,
    IMessageQueue messages,
    IOptions<SweepOptions> options,
    ILogger<SweepRunner> logger)
{
    /// <summary>The trigger name of a recovery run.</summary>
    public const string RecoveryTrigger = "recovery";

    // Run rows only matter while their claims could still be pending; two days covers every lease and retry.
    private static readonly Duration RunRowsKeptFor = Duration.FromDays(2);
    private static readonly WorkingDayCalendar Statutory = WorkingDayCalendar.EnglandAndWales;
    private readonly SweepOptions _options = options.Value;

    /// <summary>Runs one sweep for London today (from the injected clock) and says what it did.</summary>
    public async Task<SweepSummary> SweepAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var runId = Guid.NewGuid().ToString("N");
        var now = clock.GetCurrentInstant();
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var read = await state.GetAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<LocalDate> evaluatedDays = read.LastSuccessfulDay >= today ? [] : SweepWindow.EvaluatedDays(Statutory, read.LastSuccessfulDay, today);
        LogStarted(logger, runId, trigger, today, read.LastSuccessfulDay, evaluatedDays.Count);

        await using var run = new RunHandle(runs, clock, logger, _options.HeartbeatInterval, runId, trigger);
        await run.StartAsync(cancellationToken).ConfigureAwait(false);
        var contexts = await LoadAuthoritiesAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Counts();
        var lap = Stopwatch.StartNew();
        counts.AuthoritiesMs = started.ElapsedMilliseconds;
        var recorded = new ConcurrentBag<AlertLedgerEntry>();
        LocalDate? through = null;

        // The days since the watermark; on a rerun the same day, only milestones at first sight (an authority created
        // or a date moved since the day's first run), so an authority that joins hears about its overdue work at once.
        if (evaluatedDays.Count > 0 || read.LastSuccessfulDay == today)
        {
            // "From" is the last successful day, or the eve of today on a first run, so only today's triggers are released.
            var from = evaluatedDays.Count > 0 ? read.LastSuccessfulDay ?? today.PlusDays(-1) : today;
            through = contexts.Values
                .Select(c => SweepWindow.Through(today, c.Evaluator.Policy, c.Evaluator.Calendar, _options.MinimumLookaheadDays))
                .Append(SweepWindow.Through(today, EscalationPolicy.Default, Statutory, _options.MinimumLookaheadDays))
                .Max();
            var (entries, firstSighted) = await EvaluateAsync(contexts, from, today, through.Value, now, runId, counts, cancellationToken).ConfigureAwait(false);
            lap.Restart();
            await Parallel.ForEachAsync(
                entries,
                Parallelism(cancellationToken),
                async (entry, ct) =>
                {
                    if (await ledger.TryRecordAsync(entry, ct).ConfigureAwait(false) is { } stored)
                    {
                        recorded.Add(stored);
                    }
                    else
                    {
                        Interlocked.Increment(ref counts.AlreadyRecorded);
                    }
                }).ConfigureAwait(false);

            // Every alert of these milestones is in the ledger now: they leave first sight. A crash before this line
            // is harmless (the next sweep produces the same keys and the ledger drops them).
            await Parallel.ForEachAsync(
                firstSighted,
                Parallelism(cancellationToken),
                async (row, ct) => await dueIndex.MarkAlertedAsync(row.Key, row.Due, ct).ConfigureAwait(false)).ConfigureAwait(false);
            counts.FirstSight = firstSighted.Count;
            counts.LedgerWritesMs = lap.ElapsedMilliseconds;
        }

        if (_options.FaultInjectionHoldAfterLedger)
        {
            LogFaultInjectionHold(logger, runId, recorded.Count);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }

        var batch = recorded.ToList();
        lap.Restart();
        var recovered = await RecoverAsync(contexts.Keys, batch.Select(e => e.Key).ToHashSet(StringComparer.Ordinal), run, now, cancellationToken)
            .ConfigureAwait(false);
        batch.AddRange(recovered);
        var recoveryMs = lap.ElapsedMilliseconds;

        lap.Restart();
        var (enqueued, failed) = await EnqueueDigestsAsync(batch, today, now, cancellationToken).ConfigureAwait(false);
        var enqueueMs = lap.ElapsedMilliseconds;
        lap.Restart();
        var watermark = await AdvanceAsync(read, today, runId, cancellationToken).ConfigureAwait(false);
        var watermarkMs = lap.ElapsedMilliseconds;
        lap.Restart();
        var expired = RetentionDue(read.LastSuccessfulDay, today) ? await PurgeExpiredAsync(contexts.Keys, now, cancellationToken).ConfigureAwait(false) : null;
        var retentionMs = lap.ElapsedMilliseconds;

        var summary = new SweepSummary
        {
            RunId = runId,
            Trigger = trigger,
            Today = today,
            LastSuccessfulDay = read.LastSuccessfulDay,
            EvaluatedDays = evaluatedDays,
            ReadThrough = through,
            Authorities = contexts.Count,
            Milestones = counts.Milestones,
            Candidates = counts.Candidates,
            FirstSight = counts.FirstSight,
            NewAlerts = recorded.Count,
            AlreadyRecorded = counts.AlreadyRecorded,
            Recovered = recovered.Count,
            Unroutable = counts.Unroutable,
            DigestsEnqueued = enqueued,
            DigestsFailed = failed,
            Watermark = watermark,
            RetentionAuditRowsDeleted = expired?.AuditRows,
            RetentionLedgerRowsDeleted = expired?.LedgerRows,
            DurationMs = started.ElapsedMilliseconds,
            Phases = new SweepPhases
            {
                AuthoritiesMs = counts.AuthoritiesMs,
                IndexQueryMs = counts.IndexQueryMs,
                AcknowledgementsMs = counts.AcknowledgementsMs,
                EvaluationMs = counts.EvaluationMs,
                LedgerWritesMs = counts.LedgerWritesMs,
                RecoveryMs = recoveryMs,
                EnqueueMs = enqueueMs,
                WatermarkMs = watermarkMs,
                RetentionMs = retentionMs,
            },
        };
        LogFinished(
            logger, runId, trigger, today, string.Join(',', evaluatedDays), summary.Milestones, summary.Candidates, summary.NewAlerts,
            summary.AlreadyRecorded, summary.Recovered, summary.Unroutable, enqueued, failed, watermark, summary.DurationMs);
        return summary;
    }

    /// <summary>
    /// The recovery run (the recovery timer, every few minutes): takes over the open alerts whose claim has lapsed
    /// (their run finished or died, or the lease expired) or whose queue message was lost, and enqueues them.
    /// Evaluates nothing and leaves the watermark alone.
    /// </summary>
    public async Task<SweepSummary> RecoverAsync(string trigger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var runId = Guid.NewGuid().ToString("N");
        var now = clock.GetCurrentInstant();
        var today = clock.InZone(SchedulerTime.London).GetCurrentDate();
        var read = await state.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var run = new RunHandle(runs, clock, logger, _options.HeartbeatInterval, runId, trigger);
        var codes = new List<string>();
        await foreach (var authority in authorities.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            codes.Add(authority.Code);
        }

        // Its run row is written only when it has something to take over, so the frequent timer leaves no trace otherwise.
        var recovered = await RecoverAsync(codes, [], run, now, cancellationToken).ConfigureAwait(false);
        var (enqueued, failed) = await EnqueueDigestsAsync(recovered, today, now, cancellationToken).ConfigureAwait(false);
        var summary = new SweepSummary
        {
            RunId = runId,
            Trigger = trigger,
            Today = today,
            LastSuccessfulDay = read.LastSuccessfulDay,
            EvaluatedDays = [],
            Authorities = codes.Count,
            Recovered = recovered.Count,
            DigestsEnqueued = enqueued,
            DigestsFailed = failed,
            Watermark = read.LastSuccessfulDay,
            DurationMs = started.ElapsedMilliseconds,
        };
        LogRecoveryFinished(logger, runId, trigger, recovered.Count, enqueued, failed, summary.DurationMs);
        return summary;
    }

    private ParallelOptions Parallelism(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken };

    private async Task<Dictionary<string, AuthorityContext>> LoadAuthoritiesAsync(CancellationToken cancellationToken)
    {
        var contexts = new Dictionary<string, AuthorityContext>(StringComparer.Ordinal);
        await foreach (var authority in authorities.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            contexts[authority.Code] = AuthorityContext.From(authority, ex => LogBadPolicy(logger, authority.Code, ex.Message));
        }

        return contexts;
    }

    private async Task<(List<AlertLedgerEntry> Entries, List<DueIndexRow> FirstSighted)> EvaluateAsync(
        Dictionary<string, AuthorityContext> contexts,
        LocalDate from,
        LocalDate today,
        LocalDate through,
        Instant now,
        string runId,
        Counts counts,
        CancellationToken cancellationToken)
    {
        // One range query over the index: every open milestone whose effective date is on or before "through".
        var watch = Stopwatch.StartNew();
        var rows = new List<DueIndexRow>();
        await foreach (var row in dueIndex.ReadOpenAsync(through, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        counts.Milestones = rows.Count;
        counts.IndexQueryMs = watch.ElapsedMilliseconds;
        watch.Restart();
        var reading = new Stopwatch();
        var entries = new List<AlertLedgerEntry>();
        var firstSighted = new List<DueIndexRow>();
        foreach (var group in rows.GroupBy(r => r.Authority, StringComparer.Ordinal))
        {
            if (!contexts.TryGetValue(group.Key, out var context))
            {
                LogUnknownAuthority(logger, group.Key, group.Count());
                context = AuthorityContext.Unknown(group.Key);
                contexts[group.Key] = context;
            }

            // Acknowledgements: one partition query per authority, by milestone key. The domain applies only those
            // made against the milestone's current due date.
            reading.Start();
            var acks = new Dictionary<string, List<Acknowledgement>>(StringComparer.Ordinal);
            await foreach (var ack in acknowledgements.ListAsync(group.Key, cancellationToken).ConfigureAwait(false))
            {
                if (!acks.TryGetValue(ack.MilestoneKey, out var list))
                {
                    acks[ack.MilestoneKey] = list = [];
                }

                list.Add(ack.ToDomain());
            }

            reading.Stop();
            foreach (var row in group)
            {
                var subject = new AlertSubject(row.SubjectKind, row.Authority, row.SubjectId);
                var milestone = ToMilestone(row);
                var alertState = new MilestoneAlertState(
                    acks.TryGetValue(MilestoneKeys.For(subject, milestone), out var held) ? held : [],
                    FirstSight: row.AtFirstSight);
                var routed = false;
                foreach (var candidate in context.Evaluator.EvaluateRange(subject, milestone, from, today, alertState))
                {
                    counts.Candidates++;
                    var addresses = context.AddressesFor(candidate.RecipientRole, row.Assignees);
                    if (addresses.Count == 0)
                    {
                        counts.Unroutable++;
                        LogUnroutable(logger, row.Authority, candidate.RecipientRole.ToString(), candidate.Key);
                        continue;
                    }

                    routed = true;
                    entries.AddRange(addresses.Select(address => new AlertLedgerEntry
                    {
                        Key = candidate.KeyFor(address),
                        Alert = candidate,
                        Recipient = address,
                        SweepDay = today,
                        RecordedAt = now,
                        Status = LedgerStatus.Pending,
                        ClaimId = runId,
                        ClaimedAt = now,
                    }));
                }

                if (routed && row.AtFirstSight)
                {
                    firstSighted.Add(row);
                }
            }
        }

        // A person holding two roles for one milestone is one address: one key per address and role is already
        // distinct, but the same key twice (two identical index rows) must not be inserted twice.
        List<AlertLedgerEntry> distinct = [.. entries.DistinctBy(e => (e.Authority, e.Key))];
        counts.AcknowledgementsMs = reading.ElapsedMilliseconds;
        counts.EvaluationMs = watch.ElapsedMilliseconds - reading.ElapsedMilliseconds;
        return (distinct, firstSighted);
    }

    private async Task<List<AlertLedgerEntry>> RecoverAsync(
        IEnumerable<string> authorityCodes, HashSet<string> mine, RunHandle run, Instant now, CancellationToken cancellationToken)
    {
        var recovered = new List<AlertLedgerEntry>();
        var claimants = new Dictionary<string, SweepRunRecord?>(StringComparer.Ordinal);
        foreach (var code in authorityCodes.ToList())
        {
            await foreach (var key in ledger.ListOpenKeysAsync(code, cancellationToken).ConfigureAwait(false))
            {
                if (mine.Contains(key))
                {
                    continue;
                }

                var entry = await ledger.GetAsync(code, key, cancellationToken).ConfigureAwait(false);
                if (entry is null || !entry.Status.IsOpen())
                {
                    await ledger.DeleteMarkerAsync(code, key, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                // A pending alert was recorded by a run that has not (yet) handed it to the queue: take it over once
                // that run is gone — finished, or its heartbeat stopped — or, whatever it says, once its claim lease
                // has passed. A queued one belongs to the dispatcher, unless its message has been gone far longer
                // than every retry takes (lost with an expired or purged queue).
                var stale = entry.Status == LedgerStatus.Pending
                    ? await ClaimLapsedAsync(entry, claimants, now, cancellationToken).ConfigureAwait(false)
                    : entry.EnqueuedAt is not { } enqueuedAt || enqueuedAt + Duration.FromTimeSpan(_options.RequeueQueuedAfter) <= now;
                if (!stale)
                {
                    continue;
                }

                await run.StartAsync(cancellationToken).ConfigureAwait(false);
                if (await ledger.TryUpdateAsync(entry with { Status = LedgerStatus.Pending, ClaimId = run.RunId, ClaimedAt = now }, cancellationToken).ConfigureAwait(false) is { } taken)
                {
                    LogRecovered(logger, code, key, entry.ClaimId, entry.SweepDay);
                    recovered.Add(taken);
                }
            }
        }

        return recovered;
    }

    private async Task<bool> ClaimLapsedAsync(
        AlertLedgerEntry entry, Dictionary<string, SweepRunRecord?> claimants, Instant now, CancellationToken cancellationToken)
    {
        if (entry.ClaimedAt is not { } claimed || claimed + Duration.FromTimeSpan(_options.ClaimLease) <= now)
        {
            return true;
        }

        if (entry.ClaimId is not { } claimId)
        {
            return false;
        }

        if (!claimants.TryGetValue(claimId, out var claimant))
        {
            claimants[claimId] = claimant = await runs.GetAsync(claimId, cancellationToken).ConfigureAwait(false);
        }

        // No run row (an earlier version's claim, or one already cleaned up): the lease decides.
        return claimant is not null && claimant.IsGone(now, Duration.FromTimeSpan(_options.HeartbeatTimeout));
    }

    private async Task<(int Enqueued, int Failed)> EnqueueDigestsAsync(
        List<AlertLedgerEntry> batch, LocalDate today, Instant now, CancellationToken cancellationToken)
    {
        int enqueued = 0, failed = 0;
        var size = Math.Max(1, _options.MaxAlertsPerDigest);
        foreach (var recipient in batch.GroupBy(e => e.Recipient, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var part in recipient.OrderBy(e => e.Authority, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).Chunk(size))
            {
                var digestKey = DigestComposer.DigestKey(recipient.Key, today, part.Select(e => e.Alert));
                var message = new DispatchMessage(digestKey, recipient.Key, today, [.. part.Select(e => new DispatchAlertRef(e.Authority, e.Key))]);
                var outcome = await messages.SendAsync(QueueNames.AlertDispatch, new OutgoingMessage(message.MessageId, message.ToJson()), cancellationToken)
                    .ConfigureAwait(false);
                if (!outcome.IsSent)
                {
                    failed++;
                    LogEnqueueFailed(logger, digestKey, recipient.Key, part.Length, outcome.ToString());
                    continue;
                }

                enqueued++;
                LogEnqueued(logger, digestKey, recipient.Key, part.Length, QueueNames.AlertDispatch);
                foreach (var entry in part)
                {
                    // A lost race here is fine: the dispatcher may already have settled the row.
                    await ledger.TryUpdateAsync(
                        entry with { Status = LedgerStatus.Queued, DigestKey = digestKey, EnqueuedAt = now },
                        cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return (enqueued, failed);
    }

    // Retention deletes whole months (RetentionService), so only the first sweep of a month (the watermark still in an
    // earlier month, or none yet) can find rows that expired since the last pass. The other sweeps skip it: its
    // per-authority range queries (and the ledger's partition scan) would otherwise make every daily sweep's time
    // grow with years of audit and ledger rows instead of with what is due.
    private static bool RetentionDue(LocalDate? lastSuccessfulDay, LocalDate today) =>
        lastSuccessfulDay is not { } last || last.Year != today.Year || last.Month != today.Month;

    // Retention is housekeeping: a failure is logged and caught up by next month's pass (its queries are ranges, so
    // nothing expired is missed), never fails this sweep.
    private async Task<RetentionResult?> PurgeExpiredAsync(IEnumerable<string> authorityCodes, Instant now, CancellationToken cancellationToken)
    {
        try
        {
            await runs.DeleteBeforeAsync(now - RunRowsKeptFor, cancellationToken).ConfigureAwait(false);
            var result = await retention.PurgeExpiredAsync(authorityCodes, now, cancellationToken).ConfigureAwait(false);
            if (result.AuditRows + result.LedgerRows > 0)
            {
                LogRetention(logger, result.AuditRows, result.LedgerRows, result.Cutoff);
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRetentionFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention removed {AuditRows} audit rows and {LedgerRows} alert-ledger rows recorded before {Cutoff}")]
    private static partial void LogRetention(ILogger logger, int auditRows, int ledgerRows, Instant cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; the next sweep tries again")]
    private static partial void LogRetentionFailed(ILogger logger, Exception exception);

    private async Task<LocalDate?> AdvanceAsync(SweepStateRecord read, LocalDate today, string runId, CancellationToken cancellationToken)
    {
        // Only a working day moves the watermark: a weekend or bank-holiday run leaves what accrued to the next working day.
        for (var current = read; ; current = await state.GetAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!Statutory.IsWorkingDay(today) || current.LastSuccessfulDay >= today)
            {
                return current.LastSuccessfulDay;
            }

            if (await state.TryAdvanceAsync(current, today, clock.GetCurrentInstant(), runId, cancellationToken).ConfigureAwait(false))
            {
                return today;
            }
        }
    }

    private static Milestone ToMilestone(DueIndexRow row) => new()
    {
        Rule = row.Rule,
        Sequence = row.Sequence,
        Title = row.Title,
        Group = row.Group,
        Earliest = row.Earliest,
        Due = row.Due,
        Effective = row.Effective,
        Cycle = row.Cycle,
        Step = row.Step,
        Informational = row.Informational,
        Status = MilestoneStatus.Upcoming,
        Audience = row.Audience,
        Source = string.Empty,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {RunId} started by {Trigger}: today {Today}, last successful {LastSuccessfulDay}, {DayCount} working days to evaluate")]
    private static partial void LogStarted(ILogger logger, string runId, string trigger, LocalDate today, LocalDate? lastSuccessfulDay, int dayCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {RunId} ({Trigger}) finished for {Today}: days [{EvaluatedDays}], {Milestones} milestones read, {Candidates} candidates, {NewAlerts} new alerts, {AlreadyRecorded} already recorded, {Recovered} recovered, {Unroutable} unroutable, {DigestsEnqueued} digests enqueued, {DigestsFailed} digests failed, watermark {Watermark}, {DurationMs} ms")]
    private static partial void LogFinished(
        ILogger logger, string runId, string trigger, LocalDate today, string evaluatedDays, int milestones, int candidates, int newAlerts,
        int alreadyRecorded, int recovered, int unroutable, int digestsEnqueued, int digestsFailed, LocalDate? watermark, long durationMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation policy override of {Authority} is invalid ({Reason}); the default policy applies")]
    private static partial void LogBadPolicy(ILogger logger, string authority, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due index has {Rows} rows for unknown authority {Authority}; default policy, no contacts")]
    private static partial void LogUnknownAuthority(ILogger logger, string authority, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No address for role {Role} at {Authority}; alert {AlertKey} not recorded")]
    private static partial void LogUnroutable(ILogger logger, string authority, string role, string alertKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered pending alert {Authority}/{AlertKey} (claimed by run {PreviousClaim} on {SweepDay}, never enqueued)")]
    private static partial void LogRecovered(ILogger logger, string authority, string alertKey, string? previousClaim, LocalDate sweepDay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enqueued digest {DigestKey} for {Recipient} with {Count} alerts on {Queue}")]
    private static partial void LogEnqueued(ILogger logger, string digestKey, string recipient, int count, string queue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not enqueue digest {DigestKey} for {Recipient} ({Count} alerts stay pending for the next sweep): {Outcome}")]
    private static partial void LogEnqueueFailed(ILogger logger, string digestKey, string recipient, int count, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery {RunId} ({Trigger}) finished: {Recovered} alerts taken over, {DigestsEnqueued} digests enqueued, {DigestsFailed} digests failed, {DurationMs} ms")]
    private static partial void LogRecoveryFinished(ILogger logger, string runId, string trigger, int recovered, int digestsEnqueued, int digestsFailed, long durationMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "FAULT INJECTION (Scheduler:Sweep:FaultInjectionHoldAfterLedger): sweep {RunId} recorded {NewAlerts} alerts and holds before enqueueing them")]
    private static partial void LogFaultInjectionHold(ILogger logger, string runId, int newAlerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep run {RunId}: could not record its {What}")]
    private static partial void LogRunRowFailed(ILogger logger, Exception exception, string runId, string what);

    /// <summary>
    /// A run's row in <see cref="ISweepRunStore"/>: written when the run first claims something, kept alive by a
    /// heartbeat while it runs, and marked finished when it is disposed (however the run ended), so that what it
    /// claimed but did not enqueue can be taken over at once.
    /// </summary>
    private sealed class RunHandle(ISweepRunStore runs, IClock clock, ILogger logger, TimeSpan heartbeatInterval, string runId, string trigger) : IAsyncDisposable
    {
        private CancellationTokenSource? _stop;
        private Task? _heartbeat;

        public string RunId => runId;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (_stop is not null)
            {
                return;
            }

            var now = clock.GetCurrentInstant();
            await runs.StartAsync(new SweepRunRecord(runId, trigger, now, now), cancellationToken).ConfigureAwait(false);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _heartbeat = BeatAsync(_stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            if (_stop is null)
            {
                return;
            }

            await _stop.CancelAsync().ConfigureAwait(false);
            await _heartbeat!.ConfigureAwait(false);
            _stop.Dispose();
            try
            {
                // However the run ended (even cancelled), it will claim and enqueue nothing more.
                await runs.FinishAsync(runId, clock.GetCurrentInstant(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Then its heartbeat stops, and its claims lapse after the heartbeat timeout instead.
                LogRunRowFailed(logger, ex, runId, "finish");
            }
        }

        private async Task BeatAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(heartbeatInterval, stop).ConfigureAwait(false);
                    await runs.HeartbeatAsync(runId, clock.GetCurrentInstant(), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // A missed beat is retried at the next interval; several missed in a row let others take over.
                    LogRunRowFailed(logger, ex, runId, "heartbeat");
                }
            }
        }
    }

    private sealed class Counts
    {
        public int FirstSight;
        public int Milestones;
        public int Candidates;
        public int Unroutable;
        public int AlreadyRecorded;
        public long AuthoritiesMs;
        public long IndexQueryMs;
        public long AcknowledgementsMs;
        public long EvaluationMs;
        public long LedgerWritesMs;
    }
}
