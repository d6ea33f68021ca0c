using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using Scheduler.Application.Audit;
using Scheduler.Application.Ports;
using Scheduler.Application.Subjects;
using Scheduler.Application.Subjects.DueIndex;
using Scheduler.Infrastructure.Tables;
using SubjectKind = Scheduler.Domain.Alerts.SubjectKind;

namespace Scheduler.Benchmarks.Storage.Hosting;

/// <summary>
/// Time spent in each port call of the write path (subject row, due-index sync, audit), summed over concurrent
/// calls: where a case's creation spends its storage time. The decorators wrap the real adapters, so what is
/// measured is exactly what the application does.
/// </summary>
public sealed class PortTimings
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Replaces the subject, due-index and audit adapters with timed ones.</summary>
    public void Register(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<ISubjectStore>(sp => new TimedSubjects(new SubjectStore(sp.GetRequiredService<SchedulerTables>()), this)));
        services.Replace(ServiceDescriptor.Singleton<IDueIndexStore>(sp => new TimedIndex(new DueIndexStore(sp.GetRequiredService<SchedulerTables>()), this)));
        services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => new TimedAudit(new AuditLog(sp.GetRequiredService<SchedulerTables>()), this)));
    }

    /// <summary>Forgets everything measured so far.</summary>
    public void Reset() => _entries.Clear();

    /// <summary>Each call: how many, and mean milliseconds per call.</summary>
    public IReadOnlyList<(string Call, long Count, double MeanMs, double TotalMs)> Snapshot() =>
        [.. _entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => (e.Key, e.Value.Count, e.Value.Count == 0 ? 0 : e.Value.TotalMs / e.Value.Count, e.Value.TotalMs))];

    private async Task<T> TimeAsync<T>(string call, Func<Task<T>> action)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _entries.GetOrAdd(call, _ => new Entry()).Add(Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task TimeAsync(string call, Func<Task> action) =>
        await TimeAsync(call, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private sealed class Entry
    {
        private long _count;
        private long _ticks;

        public long Count => Interlocked.Read(ref _count);

        public double TotalMs => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalMilliseconds;

        public void Add(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _count);
            Interlocked.Add(ref _ticks, elapsed.Ticks);
        }
    }

    private sealed class TimedSubjects(ISubjectStore inner, PortTimings timings) : ISubjectStore
    {
        public Task<SubjectRecord?> GetAsync(SubjectKind kind, string authority, string id, CancellationToken cancellationToken) =>
            timings.TimeAsync("subject.get", () => inner.GetAsync(kind, authority, id, cancellationToken));

        public Task<SubjectRecord> AddAsync(SubjectRecord record, CancellationToken cancellationToken) =>
            timings.TimeAsync("subject.insert", () => inner.AddAsync(record, cancellationToken));

        public Task<SubjectRecord> ReplaceAsync(SubjectRecord record, CancellationToken cancellationToken) =>
            timings.TimeAsync("subject.replace", () => inner.ReplaceAsync(record, cancellationToken));

        public IAsyncEnumerable<SubjectRecord> ListAsync(SubjectKind kind, string authority, CancellationToken cancellationToken) => inner.ListAsync(kind, authority, cancellationToken);

        public Task<SubjectPage> PageAsync(SubjectKind kind, string authority, string? variant, int pageSize, string? continuation, CancellationToken cancellationToken) =>
            inner.PageAsync(kind, authority, variant, pageSize, continuation, cancellationToken);

        public IAsyncEnumerable<SubjectRecord> ListAllAsync(SubjectKind kind, CancellationToken cancellationToken) => inner.ListAllAsync(kind, cancellationToken);
    }

    private sealed class TimedIndex(IDueIndexStore inner, PortTimings timings) : IDueIndexStore
    {
        public IAsyncEnumerable<DueIndexRow> ReadOpenAsync(LocalDate through, CancellationToken cancellationToken) => inner.ReadOpenAsync(through, cancellationToken);

        public IAsyncEnumerable<string> ListKeysAsync(string? authority, CancellationToken cancellationToken) => inner.ListKeysAsync(authority, cancellationToken);

        public Task UpsertAsync(IEnumerable<DueIndexRow> rows, CancellationToken cancellationToken) =>
            timings.TimeAsync("index.upsert (all rows of a subject)", () => inner.UpsertAsync(rows, cancellationToken));

        public Task MarkAlertedAsync(DueIndexKey key, LocalDate due, CancellationToken cancellationToken) =>
            timings.TimeAsync("index.mark-alerted", () => inner.MarkAlertedAsync(key, due, cancellationToken));

        public Task DeleteAsync(IEnumerable<string> compactKeys, CancellationToken cancellationToken) =>
            timings.TimeAsync("index.delete (retired rows)", () => inner.DeleteAsync(compactKeys, cancellationToken));
    }

    private sealed class TimedAudit(IAuditLog inner, PortTimings timings) : IAuditLog
    {
        public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
            timings.TimeAsync("audit.append", () => inner.AppendAsync(entry, cancellationToken));

        public IAsyncEnumerable<AuditEntry> ReadMonthAsync(string authority, Instant month, CancellationToken cancellationToken) => inner.ReadMonthAsync(authority, month, cancellationToken);
    }
}
