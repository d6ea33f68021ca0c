using Azure.Data.Tables;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// An entity's size as Azure Table Storage counts it against its 1 MiB limit (Microsoft, "Understanding the Table
/// service data model", Property types, and the published estimate: 4 bytes + (PartitionKey + RowKey length) × 2
/// + per property 8 bytes + name length × 2 + value size: strings 4 + length × 2, Int32 4, Int64, Double and
/// DateTime 8, Boolean 1, Guid 16, binary 4 + length). Azurite does not enforce the limit, so the tests measure.
/// </summary>
public static class EntitySize
{
    /// <summary>The entity limit, 1 MiB.</summary>
    public const int Limit = 1024 * 1024;

    /// <summary>The size in bytes.</summary>
    public static long Of(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            size += 8 + (name.Length * 2) + value switch
            {
                string s => 4 + (s.Length * 2),
                int => 4,
                long or double or DateTime or DateTimeOffset => 8,
                bool => 1,
                Guid => 16,
                byte[] b => 4 + b.Length,
                BinaryData b => 4 + b.ToMemory().Length,
                null => 0,
                _ => throw new InvalidOperationException($"Unexpected property type {value.GetType().Name} of {name}."),
            };
        }

        return size;
    }
}
