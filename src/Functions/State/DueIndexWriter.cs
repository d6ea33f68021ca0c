using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>
/// Brings the due-date index in line with a subject after it was written. The subject row is the truth; index
/// rows are derived. Every pass upserts the latest version's open rows and deletes its retired ones, then reads the
/// subject again: if a concurrent writer bumped the version meanwhile, the pass repeats with the newer version. So
/// whichever sync finishes last leaves the index matching the latest row. A crash between the subject write and
/// the sync leaves the index stale until the subject's next write or <see cref="DueIndexReader.ReindexAsync"/>.
/// </summary>
public sealed partial class DueIndexWriter(SchedulerTables tables, SubjectStore subjects, ILogger<DueIndexWriter> logger)
{
    private const int MaxPasses = 4;
    private const int Parallelism = 8;

    /// <summary>Syncs the index after <paramref name="written"/> was stored (or after the subject was deleted, with <paramref name="deleted"/>).</summary>
    public async Task SyncAsync(SubjectRecord written, CancellationToken cancellationToken, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (deleted)
        {
            await DeleteAsync([.. written.IndexKeys, .. written.RetiredIndexKeys], cancellationToken).ConfigureAwait(false);
            return;
        }

        // This writer's own retired keys first, so a key another version re-opened is re-upserted by the pass below.
        await DeleteAsync(written.RetiredIndexKeys, cancellationToken).ConfigureAwait(false);
        var latest = written;
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            await UpsertAsync(DueIndexRows.For(latest), cancellationToken).ConfigureAwait(false);
            await DeleteAsync(latest.RetiredIndexKeys, cancellationToken).ConfigureAwait(false);
            var current = await subjects.GetAsync(latest.Kind, latest.Authority, latest.Id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await DeleteAsync(latest.IndexKeys, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (current.Version <= latest.Version)
            {
                return;
            }

            latest = current;
        }

        LogUnsettled(logger, written.Authority, written.Kind.Name(), written.Id, MaxPasses);
    }

    /// <summary>Writes rows unconditionally (they are derived data).</summary>
    public Task UpsertAsync(IEnumerable<DueIndexRow> rows, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            rows,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (row, ct) => await tables.DueIndex.UpsertEntityAsync(DueIndexEntity.ToEntity(row), TableUpdateMode.Replace, ct).ConfigureAwait(false));

    /// <summary>Deletes rows by compact key; missing rows are fine.</summary>
    public Task DeleteAsync(IEnumerable<string> compactKeys, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            compactKeys.Distinct(StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (compact, ct) =>
            {
                var (pk, rk) = DueIndexKey.SplitCompact(compact);
                await tables.DueIndex.DeleteEntityAsync(pk, rk, cancellationToken: ct).ConfigureAwait(false);
            });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due index for {Authority} {SubjectKind} {SubjectId} still changing after {Passes} passes; the next write or a reindex repairs it")]
    private static partial void LogUnsettled(ILogger logger, string authority, string subjectKind, string subjectId, int passes);
}
