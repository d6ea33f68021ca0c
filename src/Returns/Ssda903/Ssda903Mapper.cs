using Scheduler.Domain.Children;
using Scheduler.Domain.Events;

namespace Scheduler.Returns.Ssda903;

/// <summary>
/// Joins a child's episodes and reviews into one looked-after case. Episodes split into periods of care: RNE S starts
/// one, an episode that ceased with REC other than X1 ends it. The case follows the child's latest period (Scheduler
/// keeps one period of care per case); earlier periods in the return are noted, not imported.
/// </summary>
internal sealed class Ssda903Mapper(ImportOptions options, ProblemLog problems)
{
    private static readonly string[] PlacementChanges = ["S", "P", "T", "B", "U"];

    public List<string> Notes { get; } = [];

    /// <summary>Children whose period of care began before the return's first episode (their first episode is not RNE S).</summary>
    public List<string> StartedBefore { get; } = [];

    public ImportedCase? Map(string child, IReadOnlyList<EpisodeRow> episodes, IReadOnlyList<ReviewRow> reviews)
    {
        if (problems.IsBlocked(child))
        {
            return null;
        }

        if (episodes.Count == 0)
        {
            if (reviews.Count > 0)
            {
                var first = reviews[0];
                problems.Add(child, first.File, first.Line, "REVIEW", $"child {child}: a looked-after review, but no episode of care for the child in the return.");
            }

            return null;
        }

        var periods = Periods(child, [.. episodes.OrderBy(e => e.Decom)]);
        if (periods is null)
        {
            return null;
        }

        var current = periods[^1];
        var events = new CaseEvents(child);
        var opening = current.Episodes[0];
        var startsBefore = opening.Rne != "S";
        if (!startsBefore)
        {
            events.Add(EventTypes.BecameLookedAfter, opening.Decom, new(opening.File, opening.Line, "DECOM"));
        }

        foreach (var e in current.Episodes.Where(e => PlacementChanges.Contains(e.Rne)))
        {
            events.Add(EventTypes.PlacementStarted, e.Decom, new(e.File, e.Line, "DECOM"), EventFactory.WireName(PlacementKinds.For(e.Place, e.LegalStatus)));
        }

        if (current.Ended is { } ended)
        {
            events.Add(EventTypes.CaseClosed, ended.Dec!.Value, new(ended.File, ended.Line, "DEC"));
        }

        var earlierReviews = 0;
        foreach (var r in reviews.OrderBy(r => r.Date))
        {
            if (current.Contains(r.Date))
            {
                events.Add(EventTypes.LookedAfterReviewHeld, r.Date, new(r.File, r.Line, "REVIEW"));
            }
            else if (periods.Take(periods.Count - 1).Any(p => p.Contains(r.Date)))
            {
                earlierReviews++;
            }
            else
            {
                problems.Add(child, r.File, r.Line, "REVIEW", $"child {child}: the looked-after review on {ReturnDates.Iso(r.Date)} is {OutsideCare(periods, r.Date)}.");
            }
        }

        if (problems.IsBlocked(child))
        {
            return null;
        }

        if (periods.Count > 1)
        {
            Notes.Add($"child {child}: {periods.Count - 1} earlier period(s) of care in the return, and {earlierReviews} review(s) in them, not imported; the case follows the latest period.");
        }

        if (events.Count == 0)
        {
            // Only a change of legal status, in a period that began before the return: nothing to add.
            return null;
        }

        var imported = events.Build(CaseType.LookedAfter, startsBefore);
        if (startsBefore)
        {
            StartedBefore.Add(child);
            return imported;
        }

        return CaseEvents.FitsTogether(imported, options.Calendar, options.Today, problems) ? imported : null;
    }

    private List<Period>? Periods(string child, List<EpisodeRow> episodes)
    {
        var periods = new List<Period>();
        Period? current = null;
        foreach (var e in episodes)
        {
            if (current is not null && current.Episodes[^1].Decom == e.Decom)
            {
                problems.Add(child, e.File, e.Line, "DECOM", $"child {child}: a second episode starting on {ReturnDates.Iso(e.Decom)}.");
                continue;
            }

            if (e.Rne == "S")
            {
                if (current is { Ended: null })
                {
                    problems.Add(child, e.File, e.Line, "RNE", $"child {child}: RNE 'S' starts a period of care on {ReturnDates.Iso(e.Decom)} while the one before has not ended (no episode ceased with REC other than X1).");
                    continue;
                }

                current = new Period();
                periods.Add(current);
            }
            else if (current is null)
            {
                // The child's first episode in the return continues a period of care that began earlier.
                current = new Period();
                periods.Add(current);
            }
            else if (current.Ended is not null)
            {
                problems.Add(child, e.File, e.Line, "RNE", $"child {child}: the episode starting {ReturnDates.Iso(e.Decom)} follows the end of a period of care, so its RNE must be 'S', not '{e.Rne}'.");
                continue;
            }

            current.Episodes.Add(e);
            if (e.EndsCare)
            {
                current.Ended = e;
            }
        }

        return problems.IsBlocked(child) ? null : periods;
    }

    private static string OutsideCare(List<Period> periods, NodaTime.LocalDate date)
    {
        var first = periods[0].Start;
        if (date < first)
        {
            return $"before the period of care (which began {ReturnDates.Iso(first)})";
        }

        var last = periods[^1];
        return last.Ended is { } ended && date > ended.Dec!.Value
            ? $"after the period of care ended ({ReturnDates.Iso(ended.Dec.Value)})"
            : "outside every period of care in the return";
    }

    private sealed class Period
    {
        public List<EpisodeRow> Episodes { get; } = [];

        public EpisodeRow? Ended { get; set; }

        public NodaTime.LocalDate Start => Episodes[0].Decom;

        public bool Contains(NodaTime.LocalDate date) => date >= Start && (Ended is not { } e || date <= e.Dec!.Value);
    }
}
