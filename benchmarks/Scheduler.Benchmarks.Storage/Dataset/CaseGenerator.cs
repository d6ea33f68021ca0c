using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Rules;

namespace Scheduler.Benchmarks.Storage.Dataset;

/// <summary>
/// Reproducible synthetic cases with the timeline benchmark's mix (half on child protection plans, half looked
/// after), dated over the three years before today. A case records its history the way a council's system would
/// after migration: the opening events, the first and the latest of each repeating event and a few in between, so
/// each row stays a few kilobytes while its open milestones are the ones a real case would have.
/// <para>
/// <see cref="CaseClass.Active"/> cases are open: their next visit, core group, review or health assessment falls
/// within the next weeks, and a share of them (<see cref="OverdueShare"/> per chain) is overdue.
/// <see cref="CaseClass.Quiet"/> cases are either child protection plans that ended with everything done, or
/// looked-after children in settled long-term foster placements visited every six months whose next dates are
/// two months or more away. <see cref="DatasetCheck"/> proves each quiet case has nothing the sweep would read.
/// </para>
/// </summary>
public sealed class CaseGenerator(LocalDate today, int seed)
{
    /// <summary>The chance that one repeating chain of an active case (visits, core groups, reviews) has slipped.</summary>
    public const double OverdueShare = 0.12;

    /// <summary>Team managers, IROs and conference chairs per authority: cases are spread over them (digests per person).</summary>
    public const int TeamManagers = 25, Iros = 12, Chairs = 6;

    /// <summary>Today for the dataset.</summary>
    public LocalDate Today { get; } = today;

    /// <summary>The generator's seed.</summary>
    public int Seed { get; } = seed;

    /// <summary>
    /// Case number <paramref name="index"/> (0-based, global) of <paramref name="authority"/>: even numbers on child
    /// protection plans, odd numbers looked after. The same index always gives the same case.
    /// </summary>
    public SyntheticCase Create(string authority, int index, CaseClass cls)
    {
        // HashCode.Combine is randomised per process; this mix is not.
        var random = new Random(unchecked((Seed * 1_000_003) + (index * 2) + (int)cls));
        var type = index % 2 == 0 ? CaseType.ChildProtection : CaseType.LookedAfter;
        var caseRef = $"{(type == CaseType.ChildProtection ? "CP" : "LA")}{(cls == CaseClass.Active ? 'A' : 'Q')}{index:D7}";
        var assignees = new Dictionary<string, string>
        {
            ["TM"] = $"tm{random.Next(TeamManagers):D2}@{authority}.example",
            ["IRO"] = $"iro{random.Next(Iros):D2}@{authority}.example",
        };
        if (type == CaseType.ChildProtection)
        {
            assignees["CPC"] = $"cpc{random.Next(Chairs):D2}@{authority}.example";
        }

        var events = (type, cls) switch
        {
            (CaseType.ChildProtection, CaseClass.Active) => ChildProtection(random, ended: false),
            (CaseType.ChildProtection, _) => ChildProtection(random, ended: true),
            (_, CaseClass.Active) => LookedAfter(random),
            _ => SettledLongTerm(random),
        };
        return new SyntheticCase(authority, caseRef, type, cls, assignees, events);
    }

    private List<SyntheticEvent> ChildProtection(Random random, bool ended)
    {
        var events = new List<SyntheticEvent>();

        // An open plan began between 4 weeks and 2 years ago; an ended one ran 3–18 months and ended 1–30 months ago.
        LocalDate? end = ended ? Today.PlusDays(-random.Next(30, 900)) : null;
        var strategy = end is { } e ? e.PlusDays(-random.Next(90, 540)) : Today.PlusDays(-random.Next(28, 730));
        var stop = end ?? Today;
        var referral = strategy.PlusDays(-random.Next(0, 5));
        events.Add(new(EventTypes.ReferralReceived, referral));
        events.Add(Completed(RuleIds.ReferralDecision, referral.PlusDays(random.Next(0, 2))));
        var assessment = referral.PlusDays(random.Next(10, 55));
        if (assessment < stop)
        {
            events.Add(Completed(RuleIds.Assessment, assessment));
        }

        events.Add(new(EventTypes.StrategyDiscussion, strategy));
        var icpc = strategy.PlusDays(random.Next(7, 21));
        events.Add(new(EventTypes.IcpcHeld, icpc));

        // Core groups every 6 weeks from the previous one; visits every 10 working days (about 14 days).
        Chain(events, random, EventTypes.CoreGroupHeld, icpc.PlusDays(random.Next(3, 14)), stop, 42, ended);
        Chain(events, random, EventTypes.CpVisitMade, icpc.PlusDays(random.Next(1, 10)), stop, 13, ended);

        // Reviews: 3 months after the conference, then every 6 months, each a few days early.
        var review = icpc.PlusMonths(3).PlusDays(-random.Next(1, 10));
        while (review < stop && (ended || random.NextDouble() > OverdueShare / 3 || review.PlusMonths(6) < Today))
        {
            events.Add(new(EventTypes.CpReviewHeld, review));
            review = review.PlusMonths(6).PlusDays(-random.Next(1, 10));
        }

        if (end is { } planEnd)
        {
            // Every chain stopped less than one interval before the end, so nothing else fell due while the plan ran.
            events.Add(new(EventTypes.CpPlanEnded, planEnd));
        }

        return events;
    }

    private List<SyntheticEvent> LookedAfter(Random random)
    {
        var events = new List<SyntheticEvent>();
        var start = Today.PlusDays(-random.Next(28, 1095));
        events.Add(new(EventTypes.BecameLookedAfter, start));
        events.Add(new(EventTypes.PlacementStarted, start, Kind(PlacementKind.Standard)));
        events.Add(new(EventTypes.IroAppointed, start.PlusDays(random.Next(0, 6))));
        var firstVisit = start.PlusDays(random.Next(1, 7));
        if (random.Next(3) == 0 && start.PlusDays(60) < Today.PlusDays(-14))
        {
            // A second placement: the first one's visits run until it ends, the second's start again within a week.
            var placement = start.PlusDays(random.Next(30, Math.Max(31, Period.Between(start, Today.PlusDays(-14), PeriodUnits.Days).Days)));
            Chain(events, random, EventTypes.StatutoryVisitMade, firstVisit, placement, 40, ended: true);
            events.Add(new(EventTypes.PlacementStarted, placement, Kind(PlacementKind.Standard)));
            firstVisit = placement.PlusDays(random.Next(1, 7));
        }

        // Visits every 6 weeks (standard placements keep 6 weeks after the first year).
        Chain(events, random, EventTypes.StatutoryVisitMade, firstVisit, Today, 40, ended: false);

        // Reviews: 20 working days, 3 months, then every 6 months.
        var review = start.PlusDays(random.Next(14, 27));
        for (var n = 0; review < Today; n++)
        {
            if (n > 0 && random.NextDouble() < OverdueShare / 3 && review.PlusMonths(n == 1 ? 3 : 6) >= Today)
            {
                break;
            }

            events.Add(new(EventTypes.LookedAfterReviewHeld, review));
            review = review.PlusMonths(n == 0 ? 3 : 6).PlusDays(-random.Next(1, 10));
        }

        // Health assessments: within 20 working days, then every 6 or 12 months.
        var interval = random.Next(2) == 0 ? 6 : 12;
        var health = start.PlusDays(random.Next(10, 27));
        while (health < Today)
        {
            events.Add(new(EventTypes.HealthAssessmentHeld, health, new Dictionary<string, object> { ["interval_months"] = interval }));
            health = health.PlusMonths(interval).PlusDays(-random.Next(1, 20));
        }

        return events;
    }

    private List<SyntheticEvent> SettledLongTerm(Random random)
    {
        // Looked after for 18 months to 3 years, in a long-term foster placement for over a year, visited every
        // six months with the child's agreement; the last visit, review and health assessment were 2–4 months ago.
        var events = new List<SyntheticEvent>();
        var start = Today.PlusDays(-random.Next(550, 1095));
        events.Add(new(EventTypes.BecameLookedAfter, start));
        events.Add(new(EventTypes.IroAppointed, start.PlusDays(random.Next(0, 5))));
        events.Add(new(EventTypes.PlacementStarted, start, new Dictionary<string, object>
        {
            ["kind"] = EventFactory.WireName(PlacementKind.LongTermFoster),
            ["child_agrees"] = true,
        }));
        events.Add(new(EventTypes.StatutoryVisitMade, start.PlusDays(random.Next(1, 6))));
        foreach (var offset in Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(30, 330)).Distinct().Order())
        {
            events.Add(new(EventTypes.StatutoryVisitMade, start.PlusDays(offset)));
        }

        events.Add(new(EventTypes.StatutoryVisitMade, start.PlusDays(random.Next(335, 362))));

        var lastVisit = Today.PlusDays(-random.Next(60, 110));
        for (var visit = lastVisit; visit > start.PlusDays(365); visit = visit.PlusMonths(-6).PlusDays(random.Next(1, 10)))
        {
            events.Add(new(EventTypes.StatutoryVisitMade, visit));
        }

        var lastReview = Today.PlusDays(-random.Next(60, 120));
        var reviews = new List<LocalDate> { start.PlusDays(random.Next(14, 26)) };
        reviews.Add(reviews[0].PlusMonths(3).PlusDays(-random.Next(1, 10)));
        var backwards = new List<LocalDate>();
        for (var r = lastReview; r > reviews[1].PlusDays(20); r = r.PlusMonths(-6).PlusDays(random.Next(1, 10)))
        {
            backwards.Add(r);
        }

        reviews.AddRange(backwards.AsEnumerable().Reverse());
        events.AddRange(reviews.Select(r => new SyntheticEvent(EventTypes.LookedAfterReviewHeld, r)));

        var lastHealth = Today.PlusDays(-random.Next(60, 300));
        var health = new List<LocalDate> { start.PlusDays(random.Next(10, 26)) };
        var healthBack = new List<LocalDate>();
        for (var h = lastHealth; h > health[0].PlusDays(30); h = h.PlusMonths(-12).PlusDays(random.Next(1, 20)))
        {
            healthBack.Add(h);
        }

        health.AddRange(healthBack.AsEnumerable().Reverse());
        events.AddRange(health.Select(h => new SyntheticEvent(EventTypes.HealthAssessmentHeld, h, new Dictionary<string, object> { ["interval_months"] = 12 })));
        return events;
    }

    /// <summary>
    /// A repeating event: the first occurrence, up to four in between, and the latest. An open chain's latest is
    /// within one interval of today, or (with <see cref="OverdueShare"/>) one to four intervals ago, so its next
    /// occurrence is overdue; an ended chain's latest is at most one interval before the end.
    /// </summary>
    private static void Chain(List<SyntheticEvent> events, Random random, string type, LocalDate first, LocalDate stop, int intervalDays, bool ended)
    {
        if (first >= stop)
        {
            return;
        }

        events.Add(new(type, first));
        var latest = ended
            ? stop.PlusDays(-random.Next(1, Math.Max(2, intervalDays / 2)))
            : random.NextDouble() < OverdueShare
                ? stop.PlusDays(-random.Next(intervalDays + 3, intervalDays * 4))
                : stop.PlusDays(-random.Next(0, intervalDays - 1));
        var floor = first;
        if (latest <= floor)
        {
            return;
        }

        var span = Period.Between(floor, latest, PeriodUnits.Days).Days;
        foreach (var offset in Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(1, Math.Max(2, span))).Distinct().Order())
        {
            events.Add(new(type, floor.PlusDays(offset)));
        }

        events.Add(new(type, latest));
    }

    private static SyntheticEvent Completed(string rule, LocalDate date) =>
        new(EventTypes.MilestoneCompleted, date, new Dictionary<string, object> { ["milestone"] = $"{rule}/1/1" });

    private static Dictionary<string, object> Kind(PlacementKind kind) => new() { ["kind"] = EventFactory.WireName(kind) };

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
