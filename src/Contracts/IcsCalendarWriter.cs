using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>
/// Writes milestones as an RFC 5545 calendar of all-day events, for import into Outlook or Google Calendar.
/// UIDs are derived from the subject, rule and sequence, so re-importing a later feed updates events in place.
/// </summary>
public static class IcsCalendarWriter
{
    /// <summary>The product identifier written to every calendar.</summary>
    public const string ProductId = "-//Scheduler//Oversight calendar//EN";

    private const int MaxLineOctets = 75;
    private const string Crlf = "\r\n";
    private static readonly LocalDatePattern IcsDate = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly InstantPattern IcsStamp = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>A calendar of one episode's or case's milestones.</summary>
    /// <param name="calendarName">Shown by clients as the calendar's name (X-WR-CALNAME).</param>
    /// <param name="subjectId">The episode or case id; part of every UID.</param>
    /// <param name="milestones">The milestones, one event each.</param>
    /// <param name="stamp">DTSTAMP: when the feed was produced (from the caller's clock).</param>
    public static string Write(string calendarName, string subjectId, IEnumerable<Milestone> milestones, Instant stamp) =>
        Write(calendarName, milestones.Select(m => new IcsEntry(subjectId, m)), stamp);

    /// <summary>A calendar of milestones from several episodes or cases (for example an authority's whole feed).</summary>
    public static string Write(string calendarName, IEnumerable<IcsEntry> entries, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(entries);

        var ics = new StringBuilder();
        AppendLine(ics, "BEGIN:VCALENDAR");
        AppendLine(ics, "VERSION:2.0");
        AppendLine(ics, "PRODID:" + ProductId);
        AppendLine(ics, "CALSCALE:GREGORIAN");
        AppendLine(ics, "METHOD:PUBLISH");
        AppendLine(ics, "X-WR-CALNAME:" + EscapeText(calendarName));
        var dtstamp = IcsStamp.Format(stamp);
        foreach (var entry in entries)
        {
            AppendEvent(ics, entry, dtstamp);
        }

        AppendLine(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>The stable UID of a milestone's event: <c>subject-rule-sequence@scheduler</c>.</summary>
    public static string Uid(string subjectId, Milestone milestone)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        return $"{UidPart(subjectId)}-{UidPart(milestone.Rule)}-{milestone.Sequence.ToString(CultureInfo.InvariantCulture)}@scheduler";
    }

    /// <summary>Escapes an RFC 5545 TEXT value: backslash, semicolon, comma and line breaks.</summary>
    public static string EscapeText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\r' when i + 1 < value.Length && value[i + 1] == '\n': break;
                case '\r' or '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Folds a content line so no physical line exceeds 75 octets (UTF-8), never splitting a character.</summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets)
        {
            return line;
        }

        var sb = new StringBuilder(line.Length + 16);
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                sb.Append(Crlf).Append(' ');
                octets = 1; // the leading space of a continuation line counts
            }

            sb.Append(rune.ToString());
            octets += size;
        }

        return sb.ToString();
    }

    private static void AppendEvent(StringBuilder ics, IcsEntry entry, string dtstamp)
    {
        var m = entry.Milestone;

        // A window spans its whole range (DTEND is exclusive); a deadline sits on the day alerts work to.
        var (start, endExclusive) = m.Earliest is { } earliest
            ? (earliest, m.Due.PlusDays(1))
            : (m.Effective, m.Effective.PlusDays(1));

        AppendLine(ics, "BEGIN:VEVENT");
        AppendLine(ics, "UID:" + Uid(entry.SubjectId, m));
        AppendLine(ics, "DTSTAMP:" + dtstamp);
        AppendLine(ics, "DTSTART;VALUE=DATE:" + IcsDate.Format(start));
        AppendLine(ics, "DTEND;VALUE=DATE:" + IcsDate.Format(endExclusive));
        AppendLine(ics, "SUMMARY:" + EscapeText(m.Title));
        AppendLine(ics, "DESCRIPTION:" + EscapeText(Describe(m)));
        AppendLine(ics, "CATEGORIES:" + EscapeText(ContractNames.Of(m.Group)));
        AppendLine(ics, "TRANSP:TRANSPARENT");
        AppendLine(ics, "END:VEVENT");
    }

    private static string Describe(Milestone m)
    {
        var lines = new List<string>
        {
            $"Rule: {m.Rule} #{m.Sequence.ToString(CultureInfo.InvariantCulture)}",
        };
        if (m.Earliest is { } earliest)
        {
            lines.Add($"Window: {Iso(earliest)} to {Iso(m.Due)}");
        }

        lines.Add($"Due: {Iso(m.Due)}");
        lines.Add($"Effective: {Iso(m.Effective)}");
        lines.Add($"Status: {ContractNames.Of(m.Status)}");
        if (m.Met is { } met)
        {
            lines.Add($"Met: {Iso(met)}");
        }

        if (m.Alternative is { } alt)
        {
            lines.Add($"Other reading ({alt.Reading}): {(alt.Earliest is { } e ? Iso(e) + " to " : string.Empty)}{Iso(alt.Due)}");
        }

        lines.Add($"Source: {m.Source}");
        return string.Join('\n', lines);
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    // UIDs must be plain tokens: anything outside [A-Za-z0-9._-] becomes '-'.
    private static string UidPart(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return sb.ToString();
    }

    private static void AppendLine(StringBuilder ics, string line) => ics.Append(Fold(line)).Append(Crlf);
}
