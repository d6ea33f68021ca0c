using System.Text.Json;
using NodaTime;
using Scheduler.Application.Input;
using Scheduler.Application.Subjects;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Children;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks.Storage.Dataset;

/// <summary>
/// Computes a generated case's milestones with the domain, as the application will when the case is created, and
/// says which of them the due-date index will hold and which the sweep reads: the check that the quiet part of the
/// dataset adds nothing to the alert window.
/// </summary>
public static class DatasetCheck
{
    private static readonly WorkingDayCalendar Statutory = WorkingDayCalendar.EnglandAndWales;

    /// <summary>The open (indexed) milestones of a case on <paramref name="today"/>.</summary>
    public static IReadOnlyList<StoredMilestone> OpenMilestones(SyntheticCase synthetic, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(synthetic);
        var events = synthetic.Events.Select(e => EventInput.Parse(JsonSerializer.SerializeToElement(e.Json())).ToChildCaseEvent()).ToList();
        var facts = ChildCaseFacts.FromEvents(new ChildCaseFacts { CaseReference = synthetic.CaseRef, Type = synthetic.Type }, events, Statutory, today);
        facts.EnsureValid(Statutory);
        return [.. ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today).Select(StoredMilestone.From).Where(m => m.IsOpen)];
    }

    /// <summary>Counts over a set of cases: indexed rows, rows the sweep reads (effective date on or before <paramref name="through"/>), overdue rows.</summary>
    public static DatasetStats Measure(IEnumerable<SyntheticCase> cases, LocalDate today, LocalDate through)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var stats = new DatasetStats();
        foreach (var c in cases)
        {
            var open = OpenMilestones(c, today);
            stats.Cases++;
            stats.Events += c.Events.Count;
            stats.IndexRows += open.Count;
            stats.InWindow += open.Count(m => m.Effective <= through);
            stats.Overdue += open.Count(m => m.Effective < today);
            stats.CasesWithOverdue += open.Any(m => m.Effective < today) ? 1 : 0;
            foreach (var m in open.Where(m => m.Effective <= through))
            {
                var key = $"{m.Rule} {(m.Effective < today ? "overdue" : "upcoming")}{(m.Effective < today.PlusDays(-90) ? " >90d" : string.Empty)}";
                stats.ByRule[key] = stats.ByRule.GetValueOrDefault(key) + 1;
            }

            if (open.Count > 0)
            {
                var next = open.Min(m => m.Effective);
                stats.NearestOpen = stats.NearestOpen is { } n && n < next ? n : next;
            }
        }

        return stats;
    }
}

/// <summary>What <see cref="DatasetCheck.Measure"/> counted.</summary>
public sealed class DatasetStats
{
    public int Cases { get; set; }

    public int Events { get; set; }

    /// <summary>Open milestones: rows of the due-date index.</summary>
    public int IndexRows { get; set; }

    /// <summary>Open milestones with an effective date on or before the read-through date: rows the sweep reads.</summary>
    public int InWindow { get; set; }

    /// <summary>Open milestones whose effective date has passed.</summary>
    public int Overdue { get; set; }

    public int CasesWithOverdue { get; set; }

    /// <summary>The earliest effective date of any open milestone.</summary>
    public LocalDate? NearestOpen { get; set; }

    /// <summary>Rows in the window by rule and whether overdue.</summary>
    public SortedDictionary<string, int> ByRule { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Cases} cases, {Events} events, {IndexRows} open milestones (index rows), {InWindow} in the sweep's window, {Overdue} overdue; "
        + $"{CasesWithOverdue} cases with something overdue; nearest open effective date {NearestOpen?.ToString() ?? "none"}";
}
