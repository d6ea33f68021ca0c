using NodaTime;

namespace Scheduler.Domain.Calendar;

/// <summary>
/// Computes the England and Wales bank holidays of a year from the standing rules (Banking and Financial
/// Dealings Act 1971, Schedule 1, plus the days fixed each year by proclamation) and the one-off changes.
/// </summary>
public static class EnglandAndWalesBankHolidays
{
    /// <summary>The first year the standing rules describe (the early May holiday began in 1978).</summary>
    public const int FirstRuleYear = 1978;

    /// <summary>The holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<BankHoliday> ForYear(int year)
    {
        if (year < FirstRuleYear || year > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Bank holiday rules apply from {FirstRuleYear}.");
        }

        var days = new List<BankHoliday>(12);
        days.AddRange(NewYear(year));
        var easter = GregorianEasterSunday(year);
        days.Add(new(easter.PlusDays(-2), "Good Friday"));
        days.Add(new(easter.PlusDays(1), "Easter Monday"));
        days.Add(new(FirstMonday(year, 5), "Early May bank holiday"));
        days.Add(new(LastMonday(year, 5), "Spring bank holiday"));
        days.Add(new(LastMonday(year, 8), "Summer bank holiday"));
        days.AddRange(ChristmasAndBoxingDay(year));

        foreach (var move in OneOffBankHolidayChanges.Moves.Where(m => m.From.Year == year))
        {
            days.RemoveAll(d => d.Date == move.From);
            days.Add(new(move.To, move.Name));
        }

        days.AddRange(OneOffBankHolidayChanges.Extras.Where(e => e.Date.Year == year));
        days.Sort((a, b) => a.Date.CompareTo(b.Date));
        return days;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher).</summary>
    public static LocalDate GregorianEasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static IEnumerable<BankHoliday> NewYear(int year)
    {
        var newYear = new LocalDate(year, 1, 1);
        yield return newYear.DayOfWeek switch
        {
            IsoDayOfWeek.Saturday => new(newYear.PlusDays(2), "New Year's Day (substitute)"),
            IsoDayOfWeek.Sunday => new(newYear.PlusDays(1), "New Year's Day (substitute)"),
            _ => new(newYear, "New Year's Day"),
        };
    }

    // Boxing Day is a bank holiday unless it is a Sunday, and 27 December is one when 25 or 26 December is a
    // Sunday (the Act); the Christmas substitute is by proclamation. Together they give these four shapes.
    private static IEnumerable<BankHoliday> ChristmasAndBoxingDay(int year)
    {
        var christmas = new LocalDate(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case IsoDayOfWeek.Friday:
                yield return new(christmas, "Christmas Day");
                yield return new(new LocalDate(year, 12, 28), "Boxing Day (substitute)");
                break;
            case IsoDayOfWeek.Saturday:
                yield return new(new LocalDate(year, 12, 27), "Christmas Day (substitute)");
                yield return new(new LocalDate(year, 12, 28), "Boxing Day (substitute)");
                break;
            case IsoDayOfWeek.Sunday:
                yield return new(new LocalDate(year, 12, 26), "Boxing Day");
                yield return new(new LocalDate(year, 12, 27), "Christmas Day (substitute)");
                break;
            default:
                yield return new(christmas, "Christmas Day");
                yield return new(new LocalDate(year, 12, 26), "Boxing Day");
                break;
        }
    }

    private static LocalDate FirstMonday(int year, int month) =>
        new LocalDate(year, month, 1).With(DateAdjusters.NextOrSame(IsoDayOfWeek.Monday));

    private static LocalDate LastMonday(int year, int month) =>
        new LocalDate(year, month, 1).With(DateAdjusters.EndOfMonth).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
}
