using System.Globalization;

namespace Scheduler.Functions.Storage;

/// <summary>Builds OData <c>$filter</c> expressions with every value rendered as an escaped literal (no injection).</summary>
public static class TableFilter
{
    /// <summary>
    /// Renders an interpolated filter, escaping each hole as a literal:
    /// <c>TableFilter.Create($"PartitionKey eq {pk} and Due lt {date}")</c>.
    /// </summary>
    public static string Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var args = filter.GetArguments().Select(Literal).ToArray<object?>();
        return string.Format(CultureInfo.InvariantCulture, filter.Format, args);
    }

    /// <summary><c>property eq value</c> with the value escaped.</summary>
    public static string Equal(string property, object value) => $"{CheckProperty(property)} eq {Literal(value)}";

    /// <summary>Joins clauses with <c>and</c>, parenthesising each.</summary>
    public static string And(params string[] clauses) => string.Join(" and ", clauses.Select(c => $"({c})"));

    /// <summary>The OData literal for a value: strings quoted with doubled quotes, typed prefixes for dates, guids, binary.</summary>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d => FormatDouble(d),
        DateTimeOffset dto => "datetime'" + dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture) + "'",
        DateTime dt => Literal(new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified
            ? throw new ArgumentException("A DateTime in a filter must have a UTC or local kind.", nameof(value))
            : dt.ToUniversalTime())),
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"Cannot render a {value.GetType().Name} as a table filter literal.", nameof(value)),
    };

    private static string FormatDouble(double d)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException("NaN and infinities cannot appear in a table filter.", nameof(d));
        }

        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static string CheckProperty(string property)
    {
        if (string.IsNullOrEmpty(property) || !property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{property}' is not a valid property name for a filter.", nameof(property));
        }

        return property;
    }
}
