using NodaTime;
using Scheduler.Domain.Children;

namespace Scheduler.Benchmarks;

/// <summary>
/// Reproducible synthetic child cases: half on child protection plans, half looked after, each with a realistic
/// handful of events already held (conference, reviews, visits, a second placement), starting 2016–2025.
/// </summary>
public static class SyntheticCases
{
    /// <summary>The "today" every timeline is computed against.</summary>
    public static readonly LocalDate Today = new(2026, 1, 15);

    /// <summary>Generates <paramref name="count"/> cases with a fixed seed.</summary>
    public static ChildCaseFacts[] Create(int count, int seed = RandomWorkload.Seed)
    {
        var random = new Random(seed);
        var first = new LocalDate(2016, 1, 1);
        var cases = new ChildCaseFacts[count];
        for (var i = 0; i < count; i++)
        {
            var start = first.PlusDays(random.Next(3650));
            cases[i] = i % 2 == 0 ? ChildProtection(random, i, start) : LookedAfter(random, i, start);
        }

        return cases;
    }

    private static ChildCaseFacts ChildProtection(Random random, int i, LocalDate start)
    {
        var icpc = start.PlusDays(random.Next(14, 24));
        var reviews = new List<LocalDate>();
        var visits = new List<LocalDate>();
        var next = icpc.PlusMonths(3);
        for (var r = random.Next(0, 3); r > 0 && next < Today; r--)
        {
            reviews.Add(next.PlusDays(-random.Next(0, 5)));
            next = next.PlusMonths(6);
        }

        for (var v = random.Next(0, 6); v > 0; v--)
        {
            visits.Add(icpc.PlusDays(random.Next(1, 120)));
        }

        return new ChildCaseFacts
        {
            CaseReference = $"CP{i:D7}",
            Type = CaseType.ChildProtection,
            ReferralReceived = start.PlusDays(-random.Next(1, 10)),
            StrategyDiscussion = start,
            Icpc = icpc,
            ReviewsHeld = reviews,
            CpVisitsMade = visits,
            CoreGroupsHeld = [icpc.PlusDays(random.Next(5, 14))],
        };
    }

    private static ChildCaseFacts LookedAfter(Random random, int i, LocalDate start)
    {
        var placements = new List<Placement> { new(start, PlacementKind.Standard) };
        if (random.Next(3) == 0)
        {
            placements.Add(new Placement(start.PlusDays(random.Next(30, 400)), PlacementKind.Standard));
        }

        var reviews = new List<LocalDate>();
        var visits = new List<LocalDate>();
        if (random.Next(4) != 0)
        {
            reviews.Add(start.PlusDays(random.Next(20, 28)));
        }

        for (var v = random.Next(0, 6); v > 0; v--)
        {
            visits.Add(start.PlusDays(random.Next(1, 200)));
        }

        return new ChildCaseFacts
        {
            CaseReference = $"LA{i:D7}",
            Type = CaseType.LookedAfter,
            BecameLookedAfter = start,
            Placements = placements,
            LookedAfterReviewsHeld = reviews,
            StatutoryVisitsMade = visits,
            HealthReviewIntervalMonths = random.Next(2) == 0 ? 6 : 12,
        };
    }
}
