using System.Runtime.CompilerServices;
using NodaTime;
using NodaTime.Text;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The <c>Acknowledgements</c> table: PartitionKey authority, RowKey the milestone key; acknowledging again
/// replaces the row. Rows an earlier version stored under an alert key (no <c>Due</c> property) are not migrated:
/// they are read as acknowledgements of the milestone and due date their key names, until they lapse.
/// </summary>
public sealed class AcknowledgementStore(SchedulerTables tables) : IAcknowledgementStore
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    /// <inheritdoc />
    public async Task<AcknowledgementRecord?> GetAsync(string authority, string milestoneKey, CancellationToken cancellationToken)
    {
        var entity = await tables.Acknowledgements.FindAsync(authority, milestoneKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AcknowledgementRecord> ListAsync(string authority, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in tables.Acknowledgements.WhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {authority}"), cancellationToken).ConfigureAwait(false))
        {
            if ((FromEntity(entity) ?? FromLegacyEntity(entity)) is { } record)
            {
                yield return record;
            }
        }
    }

    /// <inheritdoc />
    public async Task UpsertAsync(AcknowledgementRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(record.Authority, record.MilestoneKey)
        {
            ["By"] = record.By,
            ["Reason"] = record.Reason,
            ["On"] = Iso.Format(record.On),
            ["Due"] = Iso.Format(record.Due),
            ["At"] = record.At.ToDateTimeOffset(),
        };
        if (record.Until is { } until)
        {
            entity["Until"] = Iso.Format(until);
        }

        await tables.Acknowledgements.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    // A row keyed by its milestone carries the due date it was made against.
    private static AcknowledgementRecord? FromEntity(TableEntity entity) =>
        entity.GetString("Due") is { } due
            ? new AcknowledgementRecord(
                entity.PartitionKey,
                entity.RowKey,
                entity.GetString("By") ?? string.Empty,
                entity.GetString("Reason") ?? string.Empty,
                Date(entity.GetString("On")),
                entity.GetString("Until") is { } u ? Iso.Parse(u).Value : null,
                Iso.Parse(due).Value,
                At(entity))
            : null;

    // An earlier version's row, keyed by one recipient's alert key: it names the milestone and the due date.
    private static AcknowledgementRecord? FromLegacyEntity(TableEntity entity) =>
        LegacyAlertKeys.TryParse(entity.PartitionKey, entity.RowKey, out var milestoneKey, out var due)
            ? new AcknowledgementRecord(
                entity.PartitionKey,
                milestoneKey,
                entity.GetString("By") ?? string.Empty,
                entity.GetString("Reason") ?? string.Empty,
                Date(entity.GetString("On")),
                entity.GetString("Expires") is { } e ? Iso.Parse(e).Value : null,
                due,
                At(entity))
            : null;

    private static LocalDate Date(string? text) => Iso.Parse(text ?? "1990-01-01").Value;

    private static Instant At(TableEntity entity) => Instant.FromDateTimeOffset(entity.GetDateTimeOffset("At") ?? DateTimeOffset.UnixEpoch);
}
