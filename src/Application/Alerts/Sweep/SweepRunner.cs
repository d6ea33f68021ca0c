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
/// enqueues one digest per recipient. Safe to run again, late, or twice at once (see docs/alerts.md).
/// </summary>
public sealed partial class SweepRunner(
    IClock clock,
    IDueIndexStore dueIndex,
    IAuthorityStore authorities,
    IAcknowledgementStore acknowledgements,
    IAlertLedger ledger,
    ISweepStateStore state,
    RetentionService retention,
    IMessageQueue messages,
    IOptions<SweepOptions> options,
    ILogger<SweepRunner> logger)
{
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

        var contexts = new Dictionary<string, AuthorityContext>(StringComparer.Ordinal);
        await foreach (var authority in authorities.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            contexts[authority.Code] = AuthorityContext.From(authority, ex => LogBadPolicy(logger, authority.Code, ex.Message));
        }

        var counts = new Counts();
        var lap = Stopwatch.StartNew();
        counts.AuthoritiesMs = started.ElapsedMilliseconds;
        var recorded = new ConcurrentBag<AlertLedgerEntry>();
        LocalDate? through = null;
        if (evaluatedDays.Count > 0)
        {
            // "From" is the last successful day, or the eve of today on a first run, so only today's triggers are released.
            var from = read.LastSuccessfulDay ?? today.PlusDays(-1);
            through = contexts.Values
                .Select(c => SweepWindow.Through(today, c.Evaluator.Policy, c.Evaluator.Calendar, _options.MinimumLookaheadDays))
                .Append(SweepWindow.Through(today, EscalationPolicy.Default, Statutory, _options.MinimumLookaheadDays))
                .Max();
            var entries = await EvaluateAsync(contexts, from, today, through.Value, now, runId, counts, cancellationToken).ConfigureAwait(false);
            lap.Restart();
            await Parallel.ForEachAsync(
                entries,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken },
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
            counts.LedgerWritesMs = lap.ElapsedMilliseconds;
        }

        var batch = recorded.ToList();
        lap.Restart();
        var recovered = await RecoverAsync(contexts.Keys, batch.Select(e => e.Key).ToHashSet(StringComparer.Ordinal), runId, now, cancellationToken)
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

    private async Task<List<AlertLedgerEntry>> EvaluateAsync(
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
        foreach (var group in rows.GroupBy(r => r.Authority, StringComparer.Ordinal))
        {
            if (!contexts.TryGetValue(group.Key, out var context))
            {
                LogUnknownAuthority(logger, group.Key, group.Count());
                context = AuthorityContext.Unknown(group.Key);
                contexts[group.Key] = context;
            }

            // Acknowledgements: one partition query per authority, matched to milestones by key prefix.
            reading.Start();
            var acks = new Dictionary<string, List<AcknowledgementRecord>>(StringComparer.Ordinal);
            await foreach (var ack in acknowledgements.ListAsync(group.Key, cancellationToken).ConfigureAwait(false))
            {
                var prefix = MilestonePrefix(ack.AlertKey);
                if (!acks.TryGetValue(prefix, out var list))
                {
                    acks[prefix] = list = [];
                }

                list.Add(ack);
            }

            reading.Stop();
            foreach (var row in group)
            {
                var subject = new AlertSubject(
                    row.SubjectKind, row.Authority, row.SubjectId);
                var milestone = ToMilestone(row);
                // The stored acknowledgements name an alert key, whose prefix holds the due date: they were made for
                // this milestone at this due date.
                var alertState = acks.TryGetValue(MilestonePrefix(subject, milestone), out var held)
                    ? new MilestoneAlertState([.. held.Select(a => new Acknowledgement(MilestoneKeys.For(subject, milestone), milestone.Due, a.By, a.On, a.Reason, a.Expires))])
                    : null;
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
            }
        }

        // A person holding two roles for one milestone is one address: one key per address and role is already
        // distinct, but the same key twice (two identical index rows) must not be inserted twice.
        List<AlertLedgerEntry> distinct = [.. entries.DistinctBy(e => (e.Authority, e.Key))];
        counts.AcknowledgementsMs = reading.ElapsedMilliseconds;
        counts.EvaluationMs = watch.ElapsedMilliseconds - reading.ElapsedMilliseconds;
        return distinct;
    }

    private async Task<List<AlertLedgerEntry>> RecoverAsync(
        IEnumerable<string> authorityCodes, HashSet<string> mine, string runId, Instant now, CancellationToken cancellationToken)
    {
        var recovered = new List<AlertLedgerEntry>();
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

                // A pending alert whose claim has lapsed was recorded by a run that died (or failed to enqueue)
                // before handing it to the queue. A queued one belongs to the dispatcher, unless its message has been
                // gone far longer than every retry takes (lost with an expired or purged queue): take either over.
                var stale = entry.Status == LedgerStatus.Pending
                    ? entry.ClaimedAt is not { } claimed || claimed + Duration.FromTimeSpan(_options.ClaimLease) <= now
                    : entry.EnqueuedAt is not { } enqueuedAt || enqueuedAt + Duration.FromTimeSpan(_options.RequeueQueuedAfter) <= now;
                if (!stale)
                {
                    continue;
                }

                if (await ledger.TryUpdateAsync(entry with { Status = LedgerStatus.Pending, ClaimId = runId, ClaimedAt = now }, cancellationToken).ConfigureAwait(false) is { } taken)
                {
                    LogRecovered(logger, code, key, entry.ClaimId, entry.SweepDay);
                    recovered.Add(taken);
                }
            }
        }

        return recovered;
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
        Informational = row.Informational,
        Status = MilestoneStatus.Upcoming,
        Audience = row.Audience,
        Source = string.Empty,
    };

    /// <summary>The key prefix shared by every alert of one milestone occurrence (subject · rule · sequence · due date).</summary>
    private static string MilestonePrefix(AlertSubject subject, Milestone milestone) => MilestonePrefix(AlertKey.For(new AlertCandidate
    {
        SubjectKind = subject.Kind,
        AuthorityCode = subject.AuthorityCode,
        SubjectId = subject.SubjectId,
        Rule = milestone.Rule,
        Sequence = milestone.Sequence,
        Title = milestone.Title,
        Group = milestone.Group,
        Due = milestone.Due,
        Effective = milestone.Effective,
        Level = AlertLevel.Due,
        Renotify = 0,
        TriggerDay = milestone.Effective,
        RecipientRole = Scheduler.Domain.Rules.Role.PO,
        DaysOverdue = 0,
    }));

    private static string MilestonePrefix(string alertKey) => string.Join('.', alertKey.Split('.').Take(6));

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

    private sealed class Counts
    {
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
