using NodaTime;
using Scheduler.Returns.Report;
using Spectre.Console;

namespace Scheduler.Cli;

/// <summary>The readable summary of an import report: what came in, what did not and why, and each case's open dates.</summary>
public static class ImportText
{
    /// <summary>Writes the summary of <paramref name="report"/>.</summary>
    public static void Write(TextWriter writer, string returnName, ImportReport report, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteLine($"{returnName} import, collection year {report.CollectionYear}, as of {Iso(today)}");
        var byType = string.Join(", ", report.Cases.GroupBy(c => c.Type).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        writer.WriteLine($"Cases: {report.Cases.Count}{(byType.Length > 0 ? $" ({byType})" : string.Empty)}, events: {report.Cases.Sum(c => c.Events.Count)}");
        writer.WriteLine($"Personal columns dropped unread: {(report.DroppedColumns.Count == 0 ? "none" : string.Join(", ", report.DroppedColumns))}");

        writer.WriteLine($"Problems: {report.Problems.Count}");
        foreach (var p in report.Problems)
        {
            var where = p.Line is { } line ? $"{p.File}:{line}" : p.File;
            writer.WriteLine($"  {where}{(p.Column is null ? string.Empty : $" [{p.Column}]")}: {p.Reason}");
        }

        writer.WriteLine($"Notes: {report.Notes.Count}");
        foreach (var note in report.Notes)
        {
            writer.WriteLine($"  {note}");
        }

        if (report.Cases.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        var table = new Table().AddColumns("Case", "Type", "Events", "Overdue", "Due", "Next upcoming");
        foreach (var c in report.Cases)
        {
            var next = c.Milestones.Where(m => m.Status == "upcoming").MinBy(m => m.Effective);
            table.AddRow(
                Markup.Escape(c.CaseRef),
                c.Type,
                c.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Milestones.Count(m => m.Status == "overdue").ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.Milestones.Count(m => m.Status == "due").ToString(System.Globalization.CultureInfo.InvariantCulture),
                next is null ? (c.Milestones.Count == 0 ? "(no milestones offline)" : "-") : Markup.Escape($"{next.Title} {Iso(next.Effective)}"));
        }

        TextConsole.Create(writer).Write(table);
    }

    private static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
