using System.Collections.Immutable;
using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>
/// The bank holidays of a contiguous range of years: computed from the rules, with whole years replaced or
/// added by imported data (for example the official <c>bank-holidays.json</c>), so that a newly proclaimed
/// day is a data change rather than a release.
/// </summary>
public sealed class BankHolidayTable
{
    /// <summary>The years the built-in calendar covers when nothing is imported.</summary>
    public const int DefaultFirstYear = 1990;

    /// <inheritdoc cref="DefaultFirstYear"/>
    public const int DefaultLastYear = 2040;

    private readonly ImmutableSortedDictionary<int, ImmutableArray<BankHoliday>> _byYear;

    private BankHolidayTable(ImmutableSortedDictionary<int, ImmutableArray<BankHoliday>> byYear, ImmutableHashSet<int> importedYears)
    {
        _byYear = byYear;
        ImportedYears = importedYears;
        FirstYear = byYear.Keys.First();
        LastYear = byYear.Keys.Last();
    }

    /// <summary>The built-in table, 1990–2040, from the rules and the one-off changes.</summary>
    public static BankHolidayTable Default { get; } = FromRules(DefaultFirstYear, DefaultLastYear);

    public int FirstYear { get; }

    public int LastYear { get; }

    /// <summary>Years whose holidays came from imported data rather than the rules.</summary>
    public ImmutableHashSet<int> ImportedYears { get; }

    /// <summary>A table computed from the rules for the given years.</summary>
    public static BankHolidayTable FromRules(int firstYear, int lastYear)
    {
        if (lastYear < firstYear)
        {
            throw new ArgumentException($"The last year ({lastYear}) is before the first ({firstYear}).", nameof(lastYear));
        }

        var builder = ImmutableSortedDictionary.CreateBuilder<int, ImmutableArray<BankHoliday>>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            builder[year] = [.. EnglandAndWalesBankHolidays.ForYear(year)];
        }

        return new BankHolidayTable(builder.ToImmutable(), []);
    }

    /// <summary>
    /// This table with every year present in <paramref name="imported"/> replaced by the imported days. Years
    /// beyond the current range extend it; any gap between is filled from the rules.
    /// </summary>
    public BankHolidayTable WithImported(IEnumerable<BankHoliday> imported)
    {
        var importedByYear = imported
            .GroupBy(h => h.Date.Year)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Date).ToImmutableArray());
        if (importedByYear.Count == 0)
        {
            return this;
        }

        var first = Math.Min(FirstYear, importedByYear.Keys.Min());
        var last = Math.Max(LastYear, importedByYear.Keys.Max());
        var builder = _byYear.ToBuilder();
        for (var year = first; year <= last; year++)
        {
            if (importedByYear.TryGetValue(year, out var days))
            {
                builder[year] = days;
            }
            else if (!builder.ContainsKey(year))
            {
                builder[year] = [.. EnglandAndWalesBankHolidays.ForYear(year)];
            }
        }

        return new BankHolidayTable(builder.ToImmutable(), ImportedYears.Union(importedByYear.Keys));
    }

    /// <summary>The holidays from <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive, in date order.</summary>
    public IReadOnlyList<BankHoliday> Between(int fromYear, int toYear)
    {
        if (fromYear < FirstYear || toYear > LastYear || toYear < fromYear)
        {
            throw new CalendarRangeException(
                $"Years {fromYear}–{toYear} are outside the working-day calendar, which covers {FirstYear}–{LastYear}.",
                FirstYear,
                LastYear);
        }

        return [.. _byYear.Where(kv => kv.Key >= fromYear && kv.Key <= toYear).SelectMany(kv => kv.Value)];
    }

    /// <summary>Every holiday in the table.</summary>
    public IEnumerable<BankHoliday> All => _byYear.Values.SelectMany(v => v);

    internal bool Contains(LocalDate date) =>
        _byYear.TryGetValue(date.Year, out var days) && days.Any(d => d.Date == date);
}
