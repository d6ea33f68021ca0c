using System.Collections;
using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>
/// A table entity: system properties plus a dictionary of typed custom properties (string, int, long, bool, double,
/// DateTimeOffset, Guid, byte[]). A null value is not stored (the service has no null).
/// </summary>
public sealed class TableEntity : IDictionary<string, object?>
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag", "ETag",
    };

    private readonly Dictionary<string, object?> _properties = new(StringComparer.Ordinal);

    /// <summary>Creates an entity with empty keys.</summary>
    public TableEntity()
        : this(string.Empty, string.Empty)
    {
    }

    /// <summary>Creates an entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>Partition key: entities sharing it can be written in one transaction.</summary>
    public string PartitionKey { get; set; }

    /// <summary>Row key, unique within the partition.</summary>
    public string RowKey { get; set; }

    /// <summary>Server timestamp of the last change (read-only on the service side).</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Entity version for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    /// <inheritdoc />
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[CheckName(key)] = Normalize(key, value);
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <summary>The property as a string, or null when absent.</summary>
    public string? GetString(string key) => this[key] switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(key, other, "String"),
    };

    /// <summary>The property as an Int32, or null when absent.</summary>
    public int? GetInt32(string key) => this[key] switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw Mismatch(key, other, "Int32"),
    };

    /// <summary>The property as an Int64, or null when absent.</summary>
    public long? GetInt64(string key) => this[key] switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw Mismatch(key, other, "Int64"),
    };

    /// <summary>The property as a Boolean, or null when absent.</summary>
    public bool? GetBoolean(string key) => Get<bool>(key);

    /// <summary>The property as a Double, or null when absent.</summary>
    public double? GetDouble(string key) => this[key] switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw Mismatch(key, other, "Double"),
    };

    /// <summary>The property as a DateTimeOffset (UTC), or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) => Get<DateTimeOffset>(key);

    /// <summary>The property as a Guid, or null when absent.</summary>
    public Guid? GetGuid(string key) => Get<Guid>(key);

    /// <summary>The property as bytes, or null when absent.</summary>
    public byte[]? GetBinary(string key) => this[key] switch
    {
        null => null,
        byte[] b => b,
        var other => throw Mismatch(key, other, "Binary"),
    };

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(CheckName(key), Normalize(key, value));

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object?> item) => ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Sets a property without the reserved-name check (used when reading service payloads).</summary>
    internal void SetFromService(string key, object value) => _properties[key] = value;

    private T? Get<T>(string key)
        where T : struct => this[key] switch
        {
            null => null,
            T value => value,
            var other => throw Mismatch(key, other, typeof(T).Name),
        };

    private static InvalidOperationException Mismatch(string key, object value, string wanted) =>
        new($"Property '{key}' is {value.GetType().Name}, not {wanted}.");

    private static string CheckName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (Reserved.Contains(key))
        {
            throw new ArgumentException($"'{key}' is a system property; set it through the TableEntity property of that name.", nameof(key));
        }

        if (key.Length > 255)
        {
            throw new ArgumentException($"Property name '{key[..20]}…' is longer than 255 characters.", nameof(key));
        }

        return key;
    }

    private static object? Normalize(string key, object? value) => value switch
    {
        null or string or int or long or bool or double or Guid or byte[] => value,
        DateTimeOffset dto => dto.ToUniversalTime(),
        DateTime dt => dt.Kind == DateTimeKind.Unspecified
            ? throw new ArgumentException($"Property '{key}' is a DateTime of unspecified kind; use DateTimeOffset or a UTC DateTime.", nameof(value))
            : new DateTimeOffset(dt.ToUniversalTime()),
        BinaryData bd => bd.ToArray(),
        float f => (double)f,
        short s => (int)s,
        byte b => (int)b,
        _ => throw new ArgumentException(
            $"Property '{key}' has unsupported type {value.GetType().Name}; use string, int, long, bool, double, DateTimeOffset, Guid or byte[].",
            nameof(value)),
    };
}
