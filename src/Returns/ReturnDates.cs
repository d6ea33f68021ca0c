using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Calendar;

namespace Scheduler.Returns;

/// <summary>
/// Dates as the returns write them: SSDA903 <c>dd/mm/yyyy</c>, the CIN census <c>YYYY-MM-DD</c>. Hand-written
/// because a two-digit year must be told apart from other bad text (NodaTime's patterns accept neither or both),
/// and because reasons must never repeat the text, which may be anything a person typed.
/// </summary>
internal static partial class ReturnDates
{
    /// <summary>A 903 date; null with a reason when it is not one.</summary>
    public static LocalDate? Parse903(string text, out string? reason)
    {
        var m = DayFirst().Match(text);
        if (m.Success)
        {
            return Make(m, out reason, "dd/mm/yyyy");
        }

        reason = TwoDigitDayFirst().IsMatch(text)
            ? "has a two-digit year; the SSDA903 writes dates as dd/mm/yyyy"
            : "is not a date in the form dd/mm/yyyy";
        return null;
    }

    /// <summary>A CIN census date; null with a reason when it is not one.</summary>
    public static LocalDate? ParseCin(string text, out string? reason)
    {
        var m = YearFirst().Match(text);
        if (m.Success)
        {
            return Make(m, out reason, "YYYY-MM-DD");
        }

        reason = TwoDigitYearFirst().IsMatch(text) || TwoDigitDayFirst().IsMatch(text)
            ? "has a two-digit year; the CIN census writes dates as YYYY-MM-DD"
            : "is not a date in the form YYYY-MM-DD";
        return null;
    }

    /// <summary>Why a date that parsed cannot be imported: outside the calendar's years, or later than today.</summary>
    public static string? Unusable(LocalDate date, LocalDate today, WorkingDayCalendar calendar)
    {
        if (!calendar.Covers(date))
        {
            return $"{Iso(date)} is outside {calendar.FirstYear}–{calendar.LastYear}, the years the working-day calendar covers";
        }

        return date > today ? $"{Iso(date)} is after today ({Iso(today)}); a return records what has happened" : null;
    }

    public static string Iso(LocalDate date) => $"{date.Year:0000}-{date.Month:00}-{date.Day:00}";

    private static LocalDate? Make(Match m, out string? reason, string form)
    {
        var year = int.Parse(m.Groups["y"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            reason = $"is not a real date ({form})";
            return null;
        }

        reason = null;
        return new LocalDate(year, month, day);
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitDayFirst();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex YearFirst();

    [GeneratedRegex(@"^\d{2}-\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex TwoDigitYearFirst();
}
