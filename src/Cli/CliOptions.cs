using System.CommandLine;
using System.CommandLine.Parsing;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Calendar;

namespace Scheduler.Cli;

/// <summary>Option and argument factories shared by the commands, with date parsing and range checks.</summary>
public static class CliOptions
{
    /// <summary>The earliest year any date may have: the first year of the built-in working-day calendar.</summary>
    public const int MinYear = BankHolidayTable.DefaultFirstYear;

    /// <summary>The latest year any date may have: the last year of the built-in working-day calendar.</summary>
    public const int MaxYear = BankHolidayTable.DefaultLastYear;

    /// <summary>A single optional or required <c>yyyy-MM-dd</c> option.</summary>
    public static Option<LocalDate?> Date(string name, string description, bool required = false) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        Required = required,
        CustomParser = r => ParseDate(r, r.Tokens.Count == 0 ? null : r.Tokens[^1].Value, name),
    };

    /// <summary>A repeatable <c>yyyy-MM-dd</c> option, for example <c>--review D --review D</c>.</summary>
    public static Option<LocalDate[]> Dates(string name, string description) => new(name)
    {
        Description = description + " (yyyy-MM-dd; repeat for each)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
        CustomParser = r =>
        {
            var dates = new LocalDate[r.Tokens.Count];
            for (var i = 0; i < dates.Length; i++)
            {
                dates[i] = ParseDate(r, r.Tokens[i].Value, name) ?? default;
            }

            return dates;
        },
    };

    /// <summary>A required positional <c>yyyy-MM-dd</c> argument.</summary>
    public static Argument<LocalDate> DateArgument(string name, string description) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        CustomParser = r => ParseDate(r, r.Tokens.Count == 0 ? null : r.Tokens[0].Value, name) ?? default,
    };

    /// <summary><c>--format</c> restricted to the given values; the first is the default.</summary>
    public static Option<string> Format(params string[] allowed)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", allowed),
            DefaultValueFactory = _ => allowed[0],
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary><c>--today</c>: the date statuses are computed against; defaults to today in Europe/London.</summary>
    public static Option<LocalDate?> Today() =>
        Date("--today", "The date to compute statuses against; defaults to today in Europe/London");

    /// <summary><c>--import</c>: an official GOV.UK bank-holidays.json whose years replace the built-in ones.</summary>
    public static Option<FileInfo?> Import() => new("--import")
    {
        Description = "A GOV.UK bank-holidays.json file; its England and Wales years replace the built-in ones",
    };

    /// <summary>The holiday table, with <paramref name="import"/> applied when given. The CLI reads the file; the domain parses.</summary>
    public static BankHolidayTable Holidays(FileInfo? import)
    {
        if (import is null)
        {
            return BankHolidayTable.Default;
        }

        if (!import.Exists)
        {
            throw new UsageException($"--import: file not found: {import.FullName}");
        }

        var json = File.ReadAllText(import.FullName);
        IReadOnlyList<BankHoliday> imported;
        try
        {
            imported = GovUkBankHolidaysJson.Parse(json);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--import {import.Name}: {ex.Message}", ex);
        }

        return BankHolidayTable.Default.WithImported(imported);
    }

    private static LocalDate? ParseDate(SymbolResult result, string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            result.AddError($"{name}: '{text}' is not a date; expected yyyy-MM-dd.");
            return null;
        }

        var date = parsed.Value;
        if (date.Year < MinYear || date.Year > MaxYear)
        {
            result.AddError($"{name}: {text} is outside {MinYear}–{MaxYear}, the years the working-day calendar covers.");
            return null;
        }

        return date;
    }
}
