using System.Globalization;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using NodaTime;
using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>
/// Writes milestones as an RFC 5545 calendar of one-day, all-day events (with Ical.Net), for subscription in
/// Outlook or Google Calendar. Milestones that do not apply are left out. A deadline is one event on its effective
/// date; a window is two, its opening day and its closing day. UIDs are derived from the subject, rule, cycle,
/// sequence and step, so a later feed updates the same events in place. The same entries and stamp give the same
/// bytes.
/// </summary>
public static class CalendarFeedWriter
{
    /// <summary>The product identifier written to every calendar.</summary>
    public const string ProductId = "-//Scheduler//Oversight calendar//EN";

    /// <summary>The suffix that turns a window's UID (its closing day) into the UID of its opening day.</summary>
    public const string OpeningSuffix = "-opens";

    /// <summary>The machine-readable property carrying the rule id (descriptions are plain words only).</summary>
    public const string RuleProperty = "X-SCHEDULER-RULE";

    /// <summary>The machine-readable property carrying the milestone key (<c>rule/cycle/sequence[/step]</c>).</summary>
    public const string KeyProperty = "X-SCHEDULER-KEY";

    private const string UidDomain = "@scheduler";

    /// <summary>
    /// The calendar of <paramref name="entries"/>, stamped <paramref name="stamp"/> (DTSTAMP: when the feed was
    /// produced, from the caller's clock). Each entry's link is <paramref name="linkFor"/>(entry) when that is
    /// given and returns one (the API builds a signed per-recipient link there), otherwise <see cref="CalendarFeedEntry.Link"/>.
    /// </summary>
    /// <param name="calendarName">Shown by clients as the calendar's name (X-WR-CALNAME).</param>
    /// <param name="entries">The milestones with their subjects, in the order they are to appear.</param>
    /// <param name="stamp">DTSTAMP of every event.</param>
    /// <param name="linkFor">Optional: the action-page link of an entry; it must be absolute.</param>
    public static string Write(string calendarName, IEnumerable<CalendarFeedEntry> entries, Instant stamp, Func<CalendarFeedEntry, Uri?>? linkFor = null)
    {
        ArgumentNullException.ThrowIfNull(calendarName);
        ArgumentNullException.ThrowIfNull(entries);

        var calendar = new Ical.Net.Calendar
        {
            ProductId = ProductId,
            Scale = "GREGORIAN",
            Method = "PUBLISH",
        };
        calendar.AddProperty("X-WR-CALNAME", calendarName);

        var utc = stamp.InUtc();
        var dtstamp = new CalDateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, CalDateTime.UtcTzId);
        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            if (entry.Milestone.Status == MilestoneStatus.NotApplicable)
            {
                continue;
            }

            var link = linkFor?.Invoke(entry) ?? entry.Link;
            if (link is { IsAbsoluteUri: false })
            {
                throw new ArgumentException($"The action-page link of {entry.Reference} {entry.Milestone.Key} must be absolute.", nameof(linkFor));
            }

            foreach (var day in DaysOf(entry.Milestone))
            {
                calendar.Events.Add(Event(entry, day, link, dtstamp));
            }
        }

        return new CalendarSerializer().SerializeToString(calendar)
            ?? throw new InvalidOperationException("Ical.Net returned no text for the calendar.");
    }

    /// <summary>
    /// The UID of the event that carries a milestone's deadline (a window's closing day):
    /// <c>[authority-]reference-rule-sequence[-c{cycle}][-{step}]@scheduler</c>, where anything outside
    /// <c>[A-Za-z0-9._-]</c> becomes <c>-</c>. The scheme of the feed's first version, kept so existing
    /// subscriptions update in place.
    /// </summary>
    public static string Uid(CalendarFeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UidStem(entry) + UidDomain;
    }

    /// <summary>The UID of a window's opening day: <see cref="Uid"/> with <see cref="OpeningSuffix"/> before the <c>@</c>.</summary>
    public static string OpeningUid(CalendarFeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UidStem(entry) + OpeningSuffix + UidDomain;
    }

    /// <summary>A deadline is its effective day; a window with a real range is its opening and its closing day.</summary>
    internal static IEnumerable<FeedDay> DaysOf(Milestone milestone) =>
        milestone.Earliest is { } earliest && earliest < milestone.Effective
            ? [FeedDay.Opens, FeedDay.Closes]
            : [FeedDay.Deadline];

    private static CalendarEvent Event(CalendarFeedEntry entry, FeedDay day, Uri? link, CalDateTime dtstamp)
    {
        var m = entry.Milestone;
        var date = day == FeedDay.Opens ? m.Earliest!.Value : m.Effective;
        var calendarEvent = new CalendarEvent
        {
            Uid = day == FeedDay.Opens ? OpeningUid(entry) : Uid(entry),
            DtStamp = dtstamp,
            DtStart = new CalDateTime(date.ToDateOnly()),
            DtEnd = new CalDateTime(date.PlusDays(1).ToDateOnly()),
            Summary = CalendarFeedText.Summary(entry, day),
            Description = CalendarFeedText.Description(entry, day, link),
            Transparency = TransparencyType.Transparent,
            Url = link,
        };
        calendarEvent.Categories.Add(ContractNames.Of(m.Group));
        calendarEvent.AddProperty(RuleProperty, m.Rule);
        calendarEvent.AddProperty(KeyProperty, m.Key);
        return calendarEvent;
    }

    private static string UidStem(CalendarFeedEntry entry)
    {
        var m = entry.Milestone;
        var subject = entry.AuthorityCode is { } authority ? $"{authority}-{entry.Reference}" : entry.Reference;
        var uid = new StringBuilder()
            .Append(UidPart(subject)).Append('-')
            .Append(UidPart(m.Rule)).Append('-')
            .Append(m.Sequence.ToString(CultureInfo.InvariantCulture));
        if (m.Cycle != 1)
        {
            uid.Append("-c").Append(m.Cycle.ToString(CultureInfo.InvariantCulture));
        }

        if (m.Step is { } step)
        {
            uid.Append('-').Append(UidPart(step));
        }

        return uid.ToString();
    }

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
}
