using NodaTime;
using NodaTime.Text;
using Scheduler.Contracts;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Milestones;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>Prints milestones in the chosen format: the shared JSON contract, a table, or an RFC 5545 calendar.</summary>
public static class MilestoneOutput
{
    /// <summary>Writes <paramref name="milestones"/> to the context's output.</summary>
    /// <param name="context">Where to write, and the clock that stamps a calendar.</param>
    /// <param name="format"><c>json</c>, <c>text</c> or <c>ics</c>.</param>
    /// <param name="milestones">The milestones of one episode or case.</param>
    /// <param name="kind">Whether <paramref name="reference"/> is an episode id or a case reference.</param>
    /// <param name="reference">Named in calendar titles and UIDs.</param>
    /// <param name="calendarName">The calendar's name.</param>
    public static void Write(CliContext context, string format, IReadOnlyList<Milestone> milestones, SubjectKind kind, string reference, string calendarName)
    {
        switch (format)
        {
            case "ics":
                // Written as-is: the writer already ends every line with CRLF.
                var entries = milestones.Select(m => new CalendarFeedEntry(kind, reference, m));
                context.Out.Write(CalendarFeedWriter.Write(calendarName, entries, context.Clock.GetCurrentInstant()));
                break;
            case "text":
                WriteTable(context.Out, milestones);
                break;
            default:
                context.Out.WriteLine(ContractJson.Serialize(MilestonesDocument.From(milestones), indented: true));
                break;
        }
    }

    private static void WriteTable(TextWriter writer, IReadOnlyList<Milestone> milestones)
    {
        var table = new Table().AddColumns("Rule", "#", "Title", "Earliest", "Due", "Effective", "Status", "Met", "Audience");
        foreach (var m in milestones)
        {
            table.AddRow(
                Markup.Escape(m.Step is null ? m.Rule : $"{m.Rule}/{m.Step}"),
                m.Cycle == 1 ? m.Sequence.ToString() : $"{m.Cycle}.{m.Sequence}",
                Markup.Escape(m.Title),
                Iso(m.Earliest),
                Iso(m.Due),
                m.MovedToWorkingDay ? Iso(m.Effective) + " *" : Iso(m.Effective),
                ContractNames.Of(m.Status),
                Iso(m.Met),
                string.Join(' ', m.Audience));
        }

        var console = TextConsole.Create(writer);
        console.Write(table);
        if (milestones.Any(m => m.MovedToWorkingDay))
        {
            console.WriteLine("* the nominal due date is not a working day; alerts work to the effective date.");
        }
    }

    private static string Iso(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty;
}
