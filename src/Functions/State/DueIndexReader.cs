using System.Runtime.CompilerServices;
using NodaTime;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>Reads the due-date index for the sweep and repairs it from the subject rows.</summary>
public sealed partial class DueIndexReader(SchedulerTables tables, SubjectStore subjects, DueIndexWriter writer, ILogger<DueIndexReader> logger)
{
    /// <summary>
    /// Every open milestone whose effective date is on or before <paramref name="through"/> (overdue ones
    /// included: rows stay until the milestone is met), in date order: one range query over the partition keys.
    /// </summary>
    public async IAsyncEnumerable<DueIndexRow> ReadOpenAsync(LocalDate through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create($"PartitionKey le {DueIndexKey.PartitionFor(through)}");
        await foreach (var entity in tables.DueIndex.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return DueIndexEntity.FromEntity(entity);
        }
    }

    /// <summary>As <see cref="ReadOpenAsync(LocalDate, CancellationToken)"/>, for one authority.</summary>
    public async IAsyncEnumerable<DueIndexRow> ReadOpenAsync(string authority, LocalDate through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.Create($"PartitionKey le {DueIndexKey.PartitionFor(through)} and Authority eq {authority}");
        await foreach (var entity in tables.DueIndex.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return DueIndexEntity.FromEntity(entity);
        }
    }

    /// <summary>
    /// Rebuilds the index from the subject rows (one authority, or all when null): upserts every expected row and
    /// deletes rows no subject accounts for (left by a crash between a subject write and its index sync).
    /// </summary>
    public async Task<ReindexResult> ReindexAsync(string? authority, CancellationToken cancellationToken)
    {
        var expected = new Dictionary<string, DueIndexRow>(StringComparer.Ordinal);
        foreach (var kind in new[] { StoredSubjectKind.Episode, StoredSubjectKind.Case })
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

        var filter = authority is null ? null : TableFilter.Equal("Authority", authority);
        var stale = new List<string>();
        await foreach (var entity in tables.DueIndex.QueryAsync(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var compact = $"{entity.PartitionKey}/{entity.RowKey}";
            if (!expected.ContainsKey(compact))
            {
                stale.Add(compact);
            }
        }

        await writer.UpsertAsync(expected.Values, cancellationToken).ConfigureAwait(false);
        await writer.DeleteAsync(stale, cancellationToken).ConfigureAwait(false);
        LogReindexed(logger, authority ?? "(all)", expected.Count, stale.Count);
        return new ReindexResult(expected.Count, stale.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reindexed {Authority}: {Upserted} open rows written, {Deleted} stale rows deleted")]
    private static partial void LogReindexed(ILogger logger, string authority, int upserted, int deleted);
}

/// <summary>What a reindex did.</summary>
public sealed record ReindexResult(int Upserted, int Deleted);
