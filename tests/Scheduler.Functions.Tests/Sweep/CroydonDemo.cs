using NodaTime;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// The Croydon 2017 demo, entered through the API as a council would: the inspection report received (and
/// published) Mon 4 Sep 2017, a child on a child protection plan after a strategy discussion that day, and a child
/// looked after from that day. Events are recorded on the day they happen: the action planning visit is held Mon 16
/// Oct 2017; the action plan is never recorded; the initial conference is held on its due date Mon 25 Sep 2017 and
/// the first review conference on time (Mon 18 Dec 2017, before its effective date Fri 22 Dec); the first
/// looked-after review is missed.
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

    public static readonly IReadOnlyDictionary<string, string> CpAssignees = new Dictionary<string, string>
    {
        ["CPC"] = "cpc1@croydon.example",
        ["TM"] = "tm1@croydon.example",
    };

    public static readonly IReadOnlyDictionary<string, string> LacAssignees = new Dictionary<string, string>
    {
        ["IRO"] = "iro1@croydon.example",
        ["TM"] = "tm2@croydon.example",
    };

    /// <summary>Creates the three subjects with the events that have happened by the clock's day.</summary>
    public static async Task SeedAsync(SweepHarness h)
    {
        var today = h.Today;
        await h.PostAsync("episodes", new
        {
            id = Episode,
            report_received = Day(ReportReceived),
            report_published = Day(ReportReceived),
            events = today >= VisitHeld ? new[] { Event("action_planning_visit_held", VisitHeld) } : [],
        });

        var cpEvents = new List<object> { Event("strategy_discussion", ReportReceived) };
        if (today >= IcpcHeld)
        {
            cpEvents.Add(Event("icpc_held", IcpcHeld));
        }

        if (today >= ReviewHeld)
        {
            cpEvents.Add(Event("cp_review_held", ReviewHeld));
        }

        await h.PostAsync($"cases/{CpCase}", new { type = "CP", assignees = CpAssignees, events = cpEvents });
        await h.PostAsync($"cases/{LacCase}", new { type = "LAC", assignees = LacAssignees, events = new[] { Event("became_looked_after", ReportReceived) } });
    }

    /// <summary>Records the events that happen on the clock's day (before that day's sweep).</summary>
    public static async Task RecordEventsAsync(SweepHarness h)
    {
        var today = h.Today;
        if (today == VisitHeld)
        {
            await h.PostAsync($"episodes/{Episode}/events", Event("action_planning_visit_held", today));
        }

        if (today == IcpcHeld)
        {
            await h.PostAsync($"cases/{CpCase}/events", Event("icpc_held", today));
        }

        if (today == ReviewHeld)
        {
            await h.PostAsync($"cases/{CpCase}/events", Event("cp_review_held", today));
        }
    }

    public static object Event(string type, LocalDate date) => new Dictionary<string, string> { ["type"] = type, ["date"] = Day(date) };

    public static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
