using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Infrastructure.Tables;

/// <summary>The <c>Acknowledgements</c> table: PartitionKey authority, RowKey the alert key. The sweep reads it.</summary>
public sealed class AcknowledgementStore(SchedulerTables tables) : IAcknowledgementStore
{
    /// <summary>The acknowledgement of one alert, or null.</summary>
    public async Task<AcknowledgementRecord?> GetAsync(string authority, string alertKey, CancellationToken cancellationToken)
    {
        var entity = await tables.Acknowledgements.FindAsync(authority, alertKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Every acknowledgement of an authority (one partition).</summary>
    public async IAsyncEnumerable<AcknowledgementRecord> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Acknowledgements.WhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {authority}"), cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    /// <summary>Stores (or replaces: acknowledging again renews it) an acknowledgement.</summary>
    public async Task UpsertAsync(AcknowledgementRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.Authority, record.AlertKey)
        {
            ["By"] = record.By,
            ["Reason"] = record.Reason,
            ["On"] = LocalDatePattern.Iso.Format(record.On),
            ["At"] = record.At.ToDateTimeOffset(),
        };
        if (record.Expires is { } expires)
        {
            entity["Expires"] = LocalDatePattern.Iso.Format(expires);
        }

        await tables.Acknowledgements.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    private static AcknowledgementRecord FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetString("By") ?? string.Empty,
        entity.GetString("Reason") ?? string.Empty,
        LocalDatePattern.Iso.Parse(entity.GetString("On") ?? "1990-01-01").Value,
        entity.GetString("Expires") is { } e ? LocalDatePattern.Iso.Parse(e).Value : null,
        Instant.FromDateTimeOffset(entity.GetDateTimeOffset("At") ?? DateTimeOffset.UnixEpoch));
}
