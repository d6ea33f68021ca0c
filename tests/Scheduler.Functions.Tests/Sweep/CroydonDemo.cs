using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// The Croydon 2017 demo: the inspection report received (and published) Mon 4 Sep 2017, a child on a child
/// protection plan after a strategy discussion that day, and a child looked after from that day. Events are
/// recorded on some dates and not others: the action planning visit is held Mon 16 Oct 2017; the action plan is
/// never recorded; the initial conference is held on its due date Mon 25 Sep 2017 and the first review conference on
/// time (Mon 18 Dec 2017, before its effective date Fri 22 Dec); the first looked-after review is missed.
/// </summary>
internal static class CroydonDemo
{
    public const string Episode = "cro-2017";
    public const string CpCase = "CRO-CP-001";
    public const string LacCase = "CRO-LAC-001";

    public static readonly LocalDate ReportReceived = new(2017, 9, 4);
    public static readonly LocalDate IcpcHeld = new(2017, 9, 25);
    public static readonly LocalDate VisitHeld = new(2017, 10, 16);
    public static readonly LocalDate ReviewHeld = new(2017, 12, 18);

    public static readonly IReadOnlyDictionary<Role, string> CpAssignees = new Dictionary<Role, string>
    {
        [Role.CPC] = "cpc1@croydon.example",
        [Role.TM] = "tm1@croydon.example",
    };

    public static readonly IReadOnlyDictionary<Role, string> LacAssignees = new Dictionary<Role, string>
    {
        [Role.IRO] = "iro1@croydon.example",
        [Role.TM] = "tm2@croydon.example",
    };

    public static OversightFacts EpisodeFacts(LocalDate today) => new()
    {
        ReportReceived = ReportReceived,
        ReportPublished = ReportReceived,
        ActionPlanningVisit = today >= VisitHeld ? VisitHeld : null,
    };

    public static ChildCaseFacts CpFacts(LocalDate today) => new()
    {
        CaseReference = CpCase,
        Type = CaseType.ChildProtection,
        StrategyDiscussion = ReportReceived,
        Icpc = today >= IcpcHeld ? IcpcHeld : null,
        ReviewsHeld = today >= ReviewHeld ? [ReviewHeld] : [],
    };

    public static ChildCaseFacts LacFacts() => new()
    {
        CaseReference = LacCase,
        Type = CaseType.LookedAfter,
        BecameLookedAfter = ReportReceived,
    };

    /// <summary>Creates the authority and the three subjects as they stand on the clock's day.</summary>
    public static async Task SeedAsync(SweepHarness h)
    {
        await h.AddCroydonAsync();
        await h.PutEpisodeAsync(Episode, EpisodeFacts(h.Clock.Today));
        await h.PutCaseAsync(CpFacts(h.Clock.Today), CpAssignees);
        await h.PutCaseAsync(LacFacts(), LacAssignees);
    }

    /// <summary>Records the events that happen on the clock's day (before that day's sweep).</summary>
    public static async Task RecordEventsAsync(SweepHarness h)
    {
        var today = h.Clock.Today;
        if (today == VisitHeld)
        {
            await h.PutEpisodeAsync(Episode, EpisodeFacts(today));
        }

        if (today == IcpcHeld || today == ReviewHeld)
        {
            await h.PutCaseAsync(CpFacts(today), CpAssignees);
        }
    }
}
