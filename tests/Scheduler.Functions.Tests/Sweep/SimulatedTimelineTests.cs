using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// Croydon 2017 entered through the API and swept once a day (<c>POST /api/ops/sweep</c>) from Mon 4 Sep 2017 to
/// Wed 31 Jan 2018 on a stepped clock. Expected days are
/// worked out by hand from the rules (docs/oversight-rules: 70 working days from Mon 4 Sep is Mon 11 Dec; 20 working
/// days is Mon 2 Oct; 15 working days is Mon 25 Sep; 3 months from Mon 25 Sep is Mon 25 Dec, effective Fri 22 Dec)
/// and the default policy in docs/alerts.md (authority-level groups: lead 10, escalate after 3, re-notify every 5
/// working days, PO and DCS, then CEX and IBC; child protection: lead 5, escalate after 5, every 5, CPC and TM then
/// HOS; looked-after reviews: the same with IRO and TM). Bank holidays in range: Mon 25 and Tue 26 Dec 2017, Mon 1
/// Jan 2018; there are none between 5 Sep and 22 Dec 2017, so each of those weeks has 5 working days.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SimulatedTimelineTests(AzuriteFixture azurite)
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task Daily_sweeps_record_exactly_the_expected_alerts_on_the_expected_days()
    {
        // No dispatcher runs here, so rows stay queued; keep the sweep from re-enqueueing them as lost messages.
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 9, 4), new Dictionary<string, string?> { ["Scheduler:Sweep:RequeueQueuedAfter"] = "365.00:00:00" });
        await CroydonDemo.SeedAsync(h);

        var digestsPerDay = new Dictionary<LocalDate, List<Digest>>();
        var summaries = new Dictionary<LocalDate, SweepResult>();
        for (var day = D(2017, 9, 4); day <= D(2018, 1, 31); day = day.PlusDays(1))
        {
            h.Today = day;
            await CroydonDemo.RecordEventsAsync(h);
            summaries[day] = await h.SweepAsync();
            digestsPerDay[day] = await h.DrainDigestsAsync();
        }

        var rows = await h.LedgerRowsAsync();
        Assert.NotEmpty(rows);

        // Nothing is ever recorded on a weekend or a bank holiday.
        var closed = new[] { D(2017, 12, 25), D(2017, 12, 26), D(2018, 1, 1) };
        Assert.DoesNotContain(rows, r => r.SweepDay.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || closed.Contains(r.SweepDay));
        foreach (var (day, summary) in summaries.Where(s => s.Key.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || closed.Contains(s.Key)))
        {
            Assert.Equal(0, summary.NewAlerts);
            Assert.Empty(summary.EvaluatedDays);
            Assert.True(summary.Watermark < day, $"the watermark moved on the non-working day {day}");
        }

        // With a sweep every day, each alert is recorded on its own trigger day.
        Assert.All(rows, r => Assert.Equal(r.Alert.TriggerDay, r.SweepDay));

        Assert.Equal(Expected(), Actual(rows), StringComparer.Ordinal);

        // One digest per recipient per sweep, carrying exactly that day's new rows.
        foreach (var (day, digests) in digestsPerDay)
        {
            var recorded = rows.Where(r => r.SweepDay == day).ToList();
            Assert.Equal(recorded.Select(r => r.Recipient).Distinct().Order(StringComparer.Ordinal), digests.Select(d => d.Recipient).Order(StringComparer.Ordinal));
            Assert.Equal(recorded.Select(r => r.Key).Order(StringComparer.Ordinal), digests.SelectMany(d => d.Alerts).Select(a => a.Key).Order(StringComparer.Ordinal));
        }

        Assert.All(rows, r => Assert.Equal(LedgerStatus.Queued, r.Status));
        Assert.Equal(D(2018, 1, 31), summaries[D(2018, 1, 31)].Watermark);
    }

    private static List<string> Actual(List<AlertLedgerEntry> rows) =>
    [
        .. rows
            .Where(r => Chosen.Contains(r.Alert.Rule))
            .Select(r => Line(r.Alert.SubjectId, r.Alert.Rule, r.Alert.Level, r.Alert.Renotify, r.Alert.RecipientRole, r.SweepDay))
            .Order(StringComparer.Ordinal),
    ];

    private static readonly string[] Chosen =
        [RuleIds.ActionPlanSubmission, RuleIds.ActionPlanningVisitWindow, RuleIds.Icpc, RuleIds.CpReviewFirst, RuleIds.LacReviewFirst];

    private static List<string> Expected()
    {
        var lines = new List<string>();
        void Add(string subject, string rule, AlertLevel level, int renotify, LocalDate day, params Role[] roles) =>
            lines.AddRange(roles.Select(role => Line(subject, rule, level, renotify, role, day)));

        // Action plan (written statement of action): due Mon 11 Dec 2017, never recorded.
        var plan = RuleIds.ActionPlanSubmission;
        var ep = CroydonDemo.Episode;
        Add(ep, plan, AlertLevel.Upcoming, 0, D(2017, 11, 27), Role.PO, Role.DCS);   // 10 working days before 11 Dec
        Add(ep, plan, AlertLevel.Due, 0, D(2017, 12, 11), Role.PO, Role.DCS);
        Add(ep, plan, AlertLevel.Overdue, 0, D(2017, 12, 12), Role.PO, Role.DCS);    // next working day
        Role[] everyone = [Role.PO, Role.DCS, Role.CEX, Role.IBC];
        Add(ep, plan, AlertLevel.Escalated, 0, D(2017, 12, 14), everyone);           // 3 working days overdue
        Add(ep, plan, AlertLevel.Escalated, 1, D(2017, 12, 21), everyone);           // +5: 15, 18, 19, 20, 21 Dec
        Add(ep, plan, AlertLevel.Escalated, 2, D(2018, 1, 2), everyone);             // +5: 22, 27, 28, 29 Dec, 2 Jan
        Add(ep, plan, AlertLevel.Escalated, 3, D(2018, 1, 9), everyone);             // 3, 4, 5, 8, 9 Jan
        Add(ep, plan, AlertLevel.Escalated, 4, D(2018, 1, 16), everyone);
        Add(ep, plan, AlertLevel.Escalated, 5, D(2018, 1, 23), everyone);
        Add(ep, plan, AlertLevel.Escalated, 6, D(2018, 1, 30), everyone);

        // Action planning visit window, 25–35 working days: Mon 9 Oct to Mon 23 Oct 2017. The window-open alert on
        // 9 Oct covers the 10-day lead (which also falls on 9 Oct); the visit held on 16 Oct ends it.
        Add(ep, RuleIds.ActionPlanningVisitWindow, AlertLevel.WindowOpen, 0, D(2017, 10, 9), Role.PO, Role.DCS);

        // Initial child protection conference: 15 working days after Mon 4 Sep = Mon 25 Sep, held that day.
        Add(CroydonDemo.CpCase, RuleIds.Icpc, AlertLevel.Upcoming, 0, D(2017, 9, 18), Role.CPC, Role.TM);

        // First review conference: 3 months after 25 Sep = Mon 25 Dec (Christmas), effective Fri 22 Dec; lead 5
        // working days = Fri 15 Dec. Held Mon 18 Dec, on time: nothing more.
        Add(CroydonDemo.CpCase, RuleIds.CpReviewFirst, AlertLevel.Upcoming, 0, D(2017, 12, 15), Role.CPC, Role.TM);

        // First looked-after review: 20 working days after Mon 4 Sep = Mon 2 Oct; missed.
        var lac = CroydonDemo.LacCase;
        var review = RuleIds.LacReviewFirst;
        Add(lac, review, AlertLevel.Upcoming, 0, D(2017, 9, 25), Role.IRO, Role.TM);
        Add(lac, review, AlertLevel.Due, 0, D(2017, 10, 2), Role.IRO, Role.TM);
        Add(lac, review, AlertLevel.Overdue, 0, D(2017, 10, 3), Role.IRO, Role.TM);
        // Escalated at 5 working days overdue (Mon 9 Oct), then every 5: every Monday to 18 Dec, then across
        // Christmas and New Year: Wed 27 Dec, Thu 4, 11, 18 and 25 Jan.
        LocalDate[] escalations =
        [
            D(2017, 10, 9), D(2017, 10, 16), D(2017, 10, 23), D(2017, 10, 30), D(2017, 11, 6), D(2017, 11, 13), D(2017, 11, 20),
            D(2017, 11, 27), D(2017, 12, 4), D(2017, 12, 11), D(2017, 12, 18), D(2017, 12, 27), D(2018, 1, 4), D(2018, 1, 11),
            D(2018, 1, 18), D(2018, 1, 25),
        ];
        for (var i = 0; i < escalations.Length; i++)
        {
            Add(lac, review, AlertLevel.Escalated, i, escalations[i], Role.IRO, Role.TM, Role.HOS);
        }

        return [.. lines.Order(StringComparer.Ordinal)];
    }

    private static string Line(string subject, string rule, AlertLevel level, int renotify, Role role, LocalDate day) =>
        $"{day:uuuu-MM-dd} {subject} {rule} {AlertKey.LevelName(level)}-{renotify} {role}";
}
