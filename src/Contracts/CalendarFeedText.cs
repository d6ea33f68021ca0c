using NodaTime;
using NodaTime.Text;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>
/// The plain-words title and description of a feed event, as a programme office reads them in Outlook: what is
/// due and when, its status, the episode or case, the public source and the action page. No rule ids (they go in
/// machine-readable properties) and nothing personal (case references only).
/// </summary>
internal static class CalendarFeedText
{
    private static readonly LocalDatePattern Day = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM uuuu");

    /// <summary>The title, distinct across episodes and cases because it ends with the episode id or case reference.</summary>
    public static string Summary(CalendarFeedEntry entry, FeedDay day)
    {
        var what = day switch
        {
            FeedDay.Opens => $"{entry.Milestone.Title}: window opens",
            FeedDay.Closes => $"{entry.Milestone.Title}: window closes",
            _ => entry.Milestone.Title,
        };
        return $"{what} – {entry.Reference}";
    }

    /// <summary>The description: one statement per line.</summary>
    public static string Description(CalendarFeedEntry entry, FeedDay day, Uri? link)
    {
        var m = entry.Milestone;
        var lines = new List<string>(8)
        {
            day switch
            {
                FeedDay.Opens => $"What is due: {m.Title}, between {Format(m.Earliest!.Value)} and {Format(m.Effective)}. This is the day the window opens.",
                FeedDay.Closes => $"What is due: {m.Title}, between {Format(m.Earliest!.Value)} and {Format(m.Effective)}. This is the last day of the window.",
                _ => $"What is due: {m.Title}, by {Format(m.Effective)}.",
            },
            $"Status: {Status(m, day)}.",
        };

        if (m.MovedToWorkingDay && day != FeedDay.Opens)
        {
            lines.Add($"The rule gives {Format(m.Due)}, which is not a working day, so it is due the working day before.");
        }

        if (m.Informational)
        {
            lines.Add("Nothing records this as done: it is shown for planning, and alerts do not chase it.");
        }

        if (m.Alternative is { } alternative)
        {
            var dates = alternative.Earliest is { } from
                ? $"{Format(from)} to {Format(alternative.Due)}"
                : Format(alternative.Due);
            lines.Add($"Read as {alternative.Reading}, the rule gives {dates}.");
        }

        lines.Add(entry.Kind == SubjectKind.Case ? $"Case reference: {entry.Reference}" : $"Episode: {entry.Reference}");
        lines.Add($"Source: {m.Source}");
        if (link is not null)
        {
            lines.Add($"Action page: {link.AbsoluteUri}");
        }

        return string.Join('\n', lines);
    }

    private static string Status(Milestone m, FeedDay day)
    {
        var due = Format(m.Effective);
        var window = day != FeedDay.Deadline;
        return m.Status switch
        {
            MilestoneStatus.Met => m.Met is { } met ? $"Met on {Format(met)}" : "Met",
            MilestoneStatus.MetLate => m.Met is { } late ? $"Met late on {Format(late)} (due {due})" : $"Met late (due {due})",
            MilestoneStatus.Overdue when m.Informational => $"Expected by {due}; that date has passed",
            MilestoneStatus.Overdue => window ? $"Overdue since {due}, when the window closed" : $"Overdue since {due}",
            _ when m.Informational => $"Expected by {due}",
            _ => window ? $"Due by {due}" : $"Due {due}",
        };
    }

    private static string Format(LocalDate date) => Day.Format(date);
}
