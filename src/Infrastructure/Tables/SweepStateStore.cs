using NodaTime;
using NodaTime.Text;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The <c>SweepState</c> table: one row (PartitionKey <c>sweep</c>, RowKey <c>daily</c>). Written with If-Match (or
/// a conditional insert for the first run), so of two sweeps finishing together exactly one moves the watermark and
/// the other sees the newer value.
/// </summary>
public sealed class SweepStateStore(SchedulerTables tables) : ISweepStateStore
{
    /// <summary>The partition key of the state row.</summary>
    public const string PartitionKey = "sweep";

    /// <summary>The row key of the daily sweep's state.</summary>
    public const string RowKey = "daily";

    /// <inheritdoc />
    public async Task<SweepStateRecord> GetAsync(CancellationToken cancellationToken)
    {
        if (await tables.SweepState.FindAsync(PartitionKey, RowKey, cancellationToken).ConfigureAwait(false) is not { } entity)
        {
            return new SweepStateRecord(null, null, null, null);
        }

        var day = entity.GetString("LastSuccessfulDay") is { Length: > 0 } text ? LocalDatePattern.Iso.Parse(text).Value : (LocalDate?)null;
        var at = entity.GetDateTimeOffset("LastRunAt") is { } t ? Instant.FromDateTimeOffset(t) : (Instant?)null;
        return new SweepStateRecord(day, at, entity.GetString("LastRunId"), entity.ETag.ToString());
    }

    /// <inheritdoc />
    public async Task<bool> TryAdvanceAsync(SweepStateRecord read, LocalDate day, Instant at, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var entity = new TableEntity(PartitionKey, RowKey)
        {
            ["LastSuccessfulDay"] = LocalDatePattern.Iso.Format(day),
            ["LastRunAt"] = at.ToDateTimeOffset(),
            ["LastRunId"] = runId,
        };
        try
        {
            _ = read.ETag is null
                ? await tables.SweepState.InsertAsync(entity, cancellationToken).ConfigureAwait(false)
                : await tables.SweepState.ReplaceAsync(entity, read.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (StoreConflictException)
        {
            return false;
        }
    }
}
