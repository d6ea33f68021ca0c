using NodaTime;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// Sweep runs in the <c>SweepState</c> table, beside the watermark: PartitionKey <c>run</c>, RowKey the run id,
/// with <c>Trigger</c>, <c>StartedAt</c>, <c>HeartbeatAt</c> and <c>FinishedAt</c>. Heartbeats and the finish are
/// merges, so neither overwrites the other.
/// </summary>
public sealed class SweepRunStore(SchedulerTables tables) : ISweepRunStore
{
    /// <summary>The partition of the run rows.</summary>
    public const string PartitionKey = "run";

    /// <inheritdoc />
    public async Task StartAsync(SweepRunRecord run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await tables.SweepState.UpsertEntityAsync(
            new TableEntity(PartitionKey, run.RunId)
            {
                ["Trigger"] = run.Trigger,
                ["StartedAt"] = run.StartedAt.ToDateTimeOffset(),
                ["HeartbeatAt"] = run.HeartbeatAt.ToDateTimeOffset(),
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task HeartbeatAsync(string runId, Instant at, CancellationToken cancellationToken) =>
        MergeAsync(new TableEntity(PartitionKey, runId) { ["HeartbeatAt"] = at.ToDateTimeOffset() }, cancellationToken);

    /// <inheritdoc />
    public Task FinishAsync(string runId, Instant at, CancellationToken cancellationToken) =>
        MergeAsync(new TableEntity(PartitionKey, runId) { ["FinishedAt"] = at.ToDateTimeOffset(), ["HeartbeatAt"] = at.ToDateTimeOffset() }, cancellationToken);

    /// <inheritdoc />
    public async Task<SweepRunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        if (await tables.SweepState.FindAsync(PartitionKey, runId, cancellationToken).ConfigureAwait(false) is not { } entity)
        {
            return null;
        }

        return new SweepRunRecord(
            runId,
            entity.GetString("Trigger") ?? string.Empty,
            At(entity, "StartedAt") ?? Instant.MinValue,
            At(entity, "HeartbeatAt") ?? Instant.MinValue,
            At(entity, "FinishedAt"));
    }

    /// <inheritdoc />
    public Task<int> DeleteBeforeAsync(Instant cutoff, CancellationToken cancellationToken) =>
        tables.SweepState.DeleteMatchingAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey} and HeartbeatAt lt {cutoff.ToDateTimeOffset()}"), cancellationToken);

    // A merge with If-Match *: a row already removed stays removed (404 is then fine).
    private async Task MergeAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await tables.SweepState.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Removed by the clean-up of old runs: nothing to record.
        }
    }

    private static Instant? At(TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name) is { } at ? Instant.FromDateTimeOffset(at) : null;
}
