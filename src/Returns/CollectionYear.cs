using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace Scheduler.Returns;

/// <summary>
/// A statutory returns collection year, 1 April to 31 March, named by the year it ends in as the Data to Insight
/// validators do (<c>2024</c> is 2023/24, ruleset <c>lac2023_24</c>).
/// </summary>
public readonly partial record struct CollectionYear(int EndYear)
{
    /// <summary>The year as councils write it, for example <c>2023/24</c>.</summary>
    public string Label => $"{EndYear - 1}/{EndYear % 100:00}";

    /// <summary>The latest year that has ended on or before <paramref name="today"/>: the return a council is submitting or has just submitted.</summary>
    public static CollectionYear LatestEndedBy(LocalDate today) => new(today.Month >= 4 ? today.Year : today.Year - 1);

    /// <summary>The year containing <paramref name="date"/>.</summary>
    public static CollectionYear Containing(LocalDate date) => new(date.Month >= 4 ? date.Year + 1 : date.Year);

    /// <summary>Parses <c>2024</c>, <c>2023/24</c> or <c>2023-24</c>; null when the text is none of these.</summary>
    public static CollectionYear? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var m = Pattern().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var first = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (!m.Groups["e"].Success)
        {
            return new CollectionYear(first);
        }

        var end = first + 1;
        return int.Parse(m.Groups["e"].Value, CultureInfo.InvariantCulture) == end % 100 ? new CollectionYear(end) : null;
    }

    /// <inheritdoc/>
    public override string ToString() => Label;

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})([/-](?<e>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
