using Azure;
using NodaTime;
using NodaTime.Text;
using Scheduler.Functions.State;
using Scheduler.Functions.Storage;

namespace Scheduler.Functions.Sweep;

/// <summary>The sweep's watermark: the London day the last successful sweep evaluated through.</summary>
/// <param name="LastSuccessfulDay">Null before the first successful working-day sweep.</param>
/// <param name="LastRunAt">When that sweep finished.</param>
/// <param name="LastRunId">Which run it was (for logs).</param>
/// <param name="ETag">The row's version; default when the row does not exist yet.</param>
public sealed record SweepStateRecord(LocalDate? LastSuccessfulDay, Instant? LastRunAt, string? LastRunId, ETag ETag);

/// <summary>
/// The <c>SweepState</c> table: one row (PartitionKey <c>sweep</c>, RowKey <c>daily</c>). Written with If-Match (or
/// a conditional insert for the first run), so of two sweeps finishing together exactly one moves the watermark and
/// the other sees the newer value.
/// </summary>
public sealed class SweepStateStore(SchedulerTables tables)
{
    /// <summary>The partition key of the state row.</summary>
    public const string PartitionKey = "sweep";

    /// <summary>The row key of the daily sweep's state.</summary>
    public const string RowKey = "daily";

    /// <summary>The current state (a record with no day when the sweep never ran).</summary>
    public async Task<SweepStateRecord> GetAsync(CancellationToken cancellationToken)
    {
        var entity = await tables.SweepState.GetEntityIfExistsAsync(PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return new SweepStateRecord(null, null, null, default);
        }

        var day = entity.GetString("LastSuccessfulDay") is { Length: > 0 } text ? LocalDatePattern.Iso.Parse(text).Value : (LocalDate?)null;
        var at = entity.GetDateTimeOffset("LastRunAt") is { } t ? Instant.FromDateTimeOffset(t) : (Instant?)null;
        return new SweepStateRecord(day, at, entity.GetString("LastRunId"), entity.ETag);
    }

    /// <summary>
    /// Moves the watermark to <paramref name="day"/> if the row is still at <paramref name="read"/>'s version.
    /// Returns false when another sweep wrote it first (the caller re-reads and decides).
    /// </summary>
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
            if (read.ETag == default)
            {
                await tables.SweepState.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await tables.SweepState.UpdateEntityAsync(entity, read.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (TableEntityAlreadyExistsException)
        {
            return false;
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
    }
}
