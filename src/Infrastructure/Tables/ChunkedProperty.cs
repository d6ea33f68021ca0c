
namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// Stores a long string across several properties of one entity. A table string property holds at most 64 KiB
/// (32 K UTF-16 characters) but an entity holds 1 MiB, so a subject's event history stays on its own row and is
/// still written with a single conditional operation.
/// </summary>
public static class ChunkedProperty
{
    /// <summary>Characters per property: comfortably under the 32 K character limit.</summary>
    public const int ChunkLength = 30_000;

    /// <summary>Writes <paramref name="value"/> as <c>name</c>, <c>name_1</c>, <c>name_2</c>… plus <c>nameChunks</c>.</summary>
    public static void Write(TableEntity entity, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(value);
        var chunks = 0;
        var start = 0;
        do
        {
            var length = Math.Min(ChunkLength, value.Length - start);

            // Never end a chunk between the two halves of a surrogate pair: each half alone is not valid text and
            // is stored as U+FFFD.
            if (start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;
            }

            entity[ChunkName(name, chunks++)] = value.Substring(start, length);
            start += length;
        }
        while (start < value.Length);

        entity[name + "Chunks"] = chunks;
    }

    /// <summary>Reads a value written by <see cref="Write"/>; null when the property is absent.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var chunks = entity.GetInt32(name + "Chunks") ?? (entity.ContainsKey(name) ? 1 : 0);
        if (chunks == 0)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, chunks).Select(i =>
            entity.GetString(ChunkName(name, i)) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} lacks chunk {i} of {name}.")));
    }

    private static string ChunkName(string name, int index) => index == 0 ? name : $"{name}_{index}";
}
