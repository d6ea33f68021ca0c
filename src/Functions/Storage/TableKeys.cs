namespace Scheduler.Functions.Storage;

/// <summary>Validates table, partition and row key names before they reach the service.</summary>
public static class TableKeys
{
    /// <summary>Largest key the service accepts, in UTF-16 code units (1 KiB).</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> if <paramref name="value"/> cannot be a PartitionKey or RowKey.</summary>
    public static void Validate(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(keyName, $"{keyName} is required.");
        }

        if (value.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{keyName} is {value.Length} characters; the limit is {MaxKeyLength}.", keyName);
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                var shown = char.IsControl(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                throw new ArgumentException(
                    $"{keyName} '{Printable(value)}' contains {shown} at position {i}; keys may not contain '/', '\\', '#', '?' or control characters.",
                    keyName);
            }
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="tableName"/> is 3–63 alphanumerics starting with a letter.</summary>
    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length is < 3 or > 63 || !char.IsAsciiLetter(tableName[0]) || !tableName.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"Table name '{tableName}' is invalid: use 3-63 letters and digits, starting with a letter.", nameof(tableName));
        }
    }

    private static string Printable(string value) =>
        new(value.Select(c => char.IsControl(c) ? '\uFFFD' : c).ToArray());
}
