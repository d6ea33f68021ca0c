namespace Scheduler.Application.Subjects.DueIndex;

/// <summary>
/// Keeps the due-date index in line with the subject rows. The subject row is the truth; index rows are derived.
/// After a write, every pass upserts the latest version's open rows and deletes its retired ones, then reads the
/// subject again: if a concurrent writer bumped the version meanwhile, the pass repeats with the newer version. So
/// whichever sync finishes last leaves the index matching the latest row. A crash between the subject write and
/// the sync leaves the index stale until the subject's next write or <see cref="ReindexAsync"/>.
/// </summary>
public sealed partial class DueIndexSync(IDueIndexStore index, ISubjectStore subjects, ILogger<DueIndexSync> logger)
{
    private const int MaxPasses = 4;

    /// <summary>Syncs the index after <paramref name="written"/> was stored.</summary>
    public async Task SyncAsync(SubjectRecord written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);

        // This writer's own retired keys first, so a key another version re-opened is re-upserted by the pass below.
        await index.DeleteAsync(written.RetiredIndexKeys, cancellationToken).ConfigureAwait(false);
        var latest = written;
        for (var pass = 1; pass <= MaxPasses; pass++)
        {
            await index.UpsertAsync(DueIndexRows.For(latest), cancellationToken).ConfigureAwait(false);
            await index.DeleteAsync(latest.RetiredIndexKeys, cancellationToken).ConfigureAwait(false);
            var current = await subjects.GetAsync(latest.Kind, latest.Authority, latest.Id, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                await index.DeleteAsync(latest.IndexKeys, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Rebuilds the index from the subject rows (one authority, or all when null): upserts every expected row and
    /// deletes rows no subject accounts for (left by a crash between a subject write and its index sync).
    /// </summary>
    public async Task<ReindexResult> ReindexAsync(string? authority, CancellationToken cancellationToken)
    {
        var expected = new Dictionary<string, DueIndexRow>(StringComparer.Ordinal);
        foreach (var kind in SubjectKinds.All)
        {
            var source = authority is null ? subjects.ListAllAsync(kind, cancellationToken) : subjects.ListAsync(kind, authority, cancellationToken);
            await foreach (var subject in source.ConfigureAwait(false))
            {
                foreach (var row in DueIndexRows.For(subject))
                {
                    expected[row.Key.Compact] = row;
                }
            }
        }

        var stale = new List<string>();
        await foreach (var key in index.ListKeysAsync(authority, cancellationToken).ConfigureAwait(false))
        {
            if (!expected.ContainsKey(key))
            {
                stale.Add(key);
            }
        }

        await index.UpsertAsync(expected.Values, cancellationToken).ConfigureAwait(false);
        await index.DeleteAsync(stale, cancellationToken).ConfigureAwait(false);
        LogReindexed(logger, authority ?? "(all)", expected.Count, stale.Count);
        return new ReindexResult(expected.Count, stale.Count);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Due index for {Authority} {SubjectKind} {SubjectId} still changing after {Passes} passes; the next write or a reindex repairs it")]
    private static partial void LogUnsettled(ILogger logger, string authority, string subjectKind, string subjectId, int passes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindexed {Authority}: {Upserted} open rows written, {Deleted} stale rows deleted")]
    private static partial void LogReindexed(ILogger logger, string authority, int upserted, int deleted);
}

/// <summary>What a reindex did.</summary>
public sealed record ReindexResult(int Upserted, int Deleted);
