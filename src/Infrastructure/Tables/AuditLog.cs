using System.Globalization;
using System.Runtime.CompilerServices;
using NodaTime;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The append-only audit log. PartitionKey <c>{authority}|{yyyy-MM}</c> (UTC month), RowKey inverted ticks plus the
/// entry's key (<c>case|CP-1|v7</c>) or, for entries without one, a random suffix, so a partition lists newest first
/// and two changes in the same tick never collide. Rows are only ever inserted; an entry with a key is inserted once.
/// </summary>
public sealed class AuditLog(SchedulerTables tables) : IAuditLog
{
    /// <summary>How many keyed entries this instance remembers having written (then it forgets them all and starts again).</summary>
    private const int RememberedKeys = 10_000;

    // Every subject write first re-appends the entry its row carries, in case the previous writer failed after
    // the row; an entry this instance wrote itself needs no second insert (it would only be refused as a duplicate).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _written = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entity = new TableEntity(PartitionFor(entry.Authority, entry.At), entry.Key is { } key ? KeyedRowKeyFor(entry.At, key) : RowKeyFor(entry.At))
        {
            ["Authority"] = entry.Authority,
            ["Actor"] = entry.Actor,
            ["Operation"] = entry.Operation,
            ["EntityType"] = entry.EntityType,
            ["EntityKey"] = entry.EntityKey,
            ["At"] = entry.At.ToDateTimeOffset(),
        };
        if (entry.Key is not null)
        {
            entity["Key"] = entry.Key;
        }

        if (entry.Before is not null)
        {
            ChunkedProperty.Write(entity, "Before", entry.Before);
        }

        if (entry.After is not null)
        {
            ChunkedProperty.Write(entity, "After", entry.After);
        }

        var remembered = $"{entity.PartitionKey}/{entity.RowKey}";
        if (entry.Key is not null && _written.ContainsKey(remembered))
        {
            return;
        }

        try
        {
            await tables.AuditLog.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreConflictException) when (entry.Key is not null)
        {
            // Already written (by the request that changed the subject, or an earlier repair): one row per key.
        }

        if (entry.Key is not null)
        {
            if (_written.Count >= RememberedKeys)
            {
                _written.Clear();
            }

            _written.TryAdd(remembered, 0);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> ReadMonthAsync(string authority, Instant month, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionFor(authority, month)}");
        await foreach (var entity in tables.AuditLog.WhereAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditEntry
            {
                Authority = entity.GetString("Authority") ?? authority,
                Actor = entity.GetString("Actor") ?? string.Empty,
                Operation = entity.GetString("Operation") ?? string.Empty,
                EntityType = entity.GetString("EntityType") ?? string.Empty,
                EntityKey = entity.GetString("EntityKey") ?? string.Empty,
                Before = ChunkedProperty.Read(entity, "Before"),
                After = ChunkedProperty.Read(entity, "After"),
                At = Instant.FromDateTimeOffset(entity.GetDateTimeOffset("At") ?? DateTimeOffset.UnixEpoch),
                Key = entity.GetString("Key"),
            };
        }
    }

    /// <summary>The partition of an authority's month: <c>croydon|2017-12</c>.</summary>
    public static string PartitionFor(string authority, Instant at) =>
        $"{authority}|{at.InUtc().Date.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>The filter of an authority's audit partitions (<c>{authority}|{yyyy-MM}</c>) before <paramref name="endExclusive"/>.</summary>
    public static string PartitionsBefore(string authority, string endExclusive) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {authority + "|"} and PartitionKey lt {endExclusive}");

    /// <summary>Inverted ticks (newest sorts first) and the entry's key, so an entry with a key has one row whoever writes it.</summary>
    public static string KeyedRowKeyFor(Instant at, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTime.MaxValue.Ticks - at.ToDateTimeUtc().Ticks:D19}-{key}");

    /// <summary>Inverted ticks (newest sorts first) and a random suffix.</summary>
    public static string RowKeyFor(Instant at)
    {
        var inverted = DateTime.MaxValue.Ticks - at.ToDateTimeUtc().Ticks;
        return string.Create(CultureInfo.InvariantCulture, $"{inverted:D19}-{Guid.NewGuid():N}");
    }
}
