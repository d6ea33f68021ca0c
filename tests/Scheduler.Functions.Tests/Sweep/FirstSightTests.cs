using System.Net;
using MimeKit;
using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Sweep;

/// <summary>
/// First sight (docs/alerts.md): a milestone no alert has covered at its current due date gets one alert at its
/// current level on the next sweep, to that level's audience, then the re-notify cadence. Emails are read back from
/// the outbox's .eml files with MimeKit.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class FirstSightTests(AzuriteFixture azurite)
{
    private const string Chair = "cp.chair@croydon.example";
    private const string TeamManager = "team.manager@croydon.example";
    private const string HeadOfService = "hos@croydon.example"; // croydon's HOS contact (SweepHarness)

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task An_authority_joining_with_overdue_conferences_hears_of_each_at_once_then_on_the_cadence()
    {
        // Scheduler already runs: Monday's and Tuesday's sweeps have gone (nothing to say yet). Then, on Tue 12 Dec
        // 2017, the council enters three children whose initial conferences are 19, 25 and 31 working days overdue.
        // The initial conference is due 15 working days after the strategy discussion (no bank holidays fall between
        // Oct and 12 Dec 2017), counted by hand:
        //   strategy Wed 25 Oct → due Wed 15 Nov, 19 working days before Tue 12 Dec;
        //   strategy Tue 17 Oct → due Tue 7 Nov, 25 working days before;
        //   strategy Mon 9 Oct → due Mon 30 Oct, 31 working days before.
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 11));
        Assert.Equal([D(2017, 12, 11)], (await h.SweepAsync()).EvaluatedDays);
        h.Today = D(2017, 12, 12);
        Assert.Equal(0, (await h.SweepAsync()).NewAlerts);

        var cases = new (string Ref, LocalDate Strategy, LocalDate Due, int Overdue)[]
        {
            ("CP-NEW-019", D(2017, 10, 25), D(2017, 11, 15), 19),
            ("CP-NEW-025", D(2017, 10, 17), D(2017, 11, 7), 25),
            ("CP-NEW-031", D(2017, 10, 9), D(2017, 10, 30), 31),
        };
        foreach (var c in cases)
        {
            await h.PostAsync($"cases/{c.Ref}", new
            {
                type = "CP",
                assignees = new Dictionary<string, string> { ["CPC"] = Chair, ["TM"] = TeamManager },
                events = new[] { CroydonDemo.Event("strategy_discussion", c.Strategy) },
            });
        }

        // The work list (a separate reading of the stored milestones) agrees: exactly these three are overdue.
        var worklist = await TestApp.ReadAsync(await h.Api.GetAsync($"/api/authorities/{SweepHarness.Authority}/worklist?days=10"), HttpStatusCode.OK);
        var overdue = worklist["overdue"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(
            cases.Select(c => $"{c.Ref} {RuleIds.Icpc} {-c.Overdue}").Order(StringComparer.Ordinal),
            overdue.Select(i => $"{(string)i["subject_id"]!} {(string)i["rule"]!} {(int)i["working_days"]!}").Order(StringComparer.Ordinal));

        // A rerun the same day: the three are at first sight. Child protection escalates 5 working days overdue and
        // re-notifies every 5, so each is "escalated" with re-notification (19-5)/5 = 2, (25-5)/5 = 4, (31-5)/5 = 5,
        // nominally on the day it reached 15, 25 and 30 working days overdue: Wed 6 Dec, Tue 12 Dec, Mon 11 Dec.
        var first = await h.SweepAsync();
        Assert.Empty(first.EvaluatedDays);
        Assert.Equal(9, first.NewAlerts); // 3 conferences × (CPC, TM, HOS)
        await h.DispatchAllAsync();
        var rows = await h.LedgerRowsAsync();
        Assert.All(rows, r => Assert.Equal(LedgerStatus.Sent, r.Status));
        var expected = new Dictionary<string, (int Renotify, LocalDate Nominal)>
        {
            ["CP-NEW-019"] = (2, D(2017, 12, 6)),
            ["CP-NEW-025"] = (4, D(2017, 12, 12)),
            ["CP-NEW-031"] = (5, D(2017, 12, 11)),
        };
        Assert.Equal(
            cases.SelectMany(c => new[] { Chair, TeamManager, HeadOfService }.Select(to => $"{c.Ref} escalated-{expected[c.Ref].Renotify} {expected[c.Ref].Nominal:uuuu-MM-dd} {to}"))
                .Order(StringComparer.Ordinal),
            rows.Select(r => $"{r.Alert.SubjectId} {AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify} {r.Alert.TriggerDay:uuuu-MM-dd} {r.Recipient}").Order(StringComparer.Ordinal));

        // One email per recipient, naming every overdue conference at its level with its working days overdue.
        var emails = h.OutboxEmails(D(2017, 12, 12)).Values.ToList();
        Assert.Equal([Chair, HeadOfService, TeamManager], emails.Select(To).Order(StringComparer.Ordinal));
        foreach (var email in emails)
        {
            var items = Items(email);
            Assert.Equal(3, items.Count);
            foreach (var c in cases)
            {
                var item = Assert.Single(items, i => i.Contains(c.Ref, StringComparison.Ordinal));
                Assert.Contains("[Escalated] Initial child protection conference", item, StringComparison.Ordinal);
                Assert.Contains($"overdue by {c.Overdue} working days", item, StringComparison.Ordinal);
            }
        }

        // Then the cadence, every 5 working days from each one's last nominal day: 20 working days overdue for the
        // first on Wed 13 Dec; 35 for the third on Mon 18 Dec; 30 for the second on Tue 19 Dec; 25 for the first on
        // Wed 20 Dec. Nothing on Thu 14 or Fri 15 Dec.
        var cadence = new Dictionary<LocalDate, string[]>
        {
            [D(2017, 12, 13)] = ["CP-NEW-019 escalated-3"],
            [D(2017, 12, 14)] = [],
            [D(2017, 12, 15)] = [],
            [D(2017, 12, 18)] = ["CP-NEW-031 escalated-6"],
            [D(2017, 12, 19)] = ["CP-NEW-025 escalated-5"],
            [D(2017, 12, 20)] = ["CP-NEW-019 escalated-4"],
        };
        foreach (var (day, due) in cadence)
        {
            h.Today = day;
            var summary = await h.SweepAsync();
            Assert.Equal(0, summary.FirstSight);
            await h.DispatchAllAsync();
            var added = (await h.LedgerRowsAsync()).Where(r => r.SweepDay == day).ToList();
            Assert.Equal(
                due.SelectMany(d => new[] { Chair, TeamManager, HeadOfService }.Select(to => $"{d} {to}")).Order(StringComparer.Ordinal),
                added.Select(r => $"{r.Alert.SubjectId} {AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify} {r.Recipient}").Order(StringComparer.Ordinal));
            Assert.All(added, r => Assert.Equal(day, r.Alert.TriggerDay));
            Assert.Equal(due.Length == 0 ? 0 : 3, h.OutboxEmails(day).Count);
        }
    }

    [Fact]
    public async Task On_the_Croydon_demo_day_every_overdue_work_list_item_is_in_its_recipients_email_and_the_next_days_follow_the_cadence()
    {
        await using var h = await SweepHarness.StartDemoAsync(azurite, D(2017, 12, 12));
        var worklist = await TestApp.ReadAsync(await h.Api.GetAsync("/api/authorities/croydon/worklist?days=10"), HttpStatusCode.OK);
        var overdue = worklist["overdue"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.True(overdue.Count >= 10, $"the demo has {overdue.Count} overdue items on 12 Dec 2017");

        Assert.True((await h.SweepAsync()).FirstSight >= overdue.Count);
        await h.DispatchAllAsync();
        var emails = h.OutboxEmails(D(2017, 12, 12));
        var rows = await h.LedgerRowsAsync();
        Assert.All(rows, r => Assert.Equal(LedgerStatus.Sent, r.Status));

        // Every overdue item reached each of the addresses the work list names for it, in that address's one email
        // of the day (the ledger row names the outbox file that carried it), which names the item.
        Assert.Equal(emails.Count, emails.Values.Select(To).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var item in overdue)
        {
            var key = (string)item["milestone_key"]!;
            foreach (var recipient in item["recipients"]!.AsArray().Select(r => (string)r!))
            {
                var row = Assert.Single(rows, r => r.Alert.MilestoneKey == key && r.Recipient == recipient.ToLowerInvariant());
                Assert.True(row.Alert.Level >= AlertLevel.Overdue, $"{key} to {recipient} is {row.Alert.Level}");
                var email = emails[row.ProviderId!];
                Assert.Equal(recipient, To(email), StringComparer.OrdinalIgnoreCase);
                Assert.Contains(Items(email), i => i.Contains((string)item["title"]!, StringComparison.Ordinal) && i.Contains((string)item["subject_id"]!, StringComparison.Ordinal));
            }
        }

        // The written statement of action (due Mon 11 Dec 2017; docs/alerts.md's example): overdue on 12 Dec to PO
        // and DCS, nothing on 13 Dec, escalated to PO, DCS, CEX and IBC on Thu 14 Dec (3 working days overdue).
        string Plan(IEnumerable<AlertLedgerEntry> entries, LocalDate day) => string.Join(' ', entries
            .Where(r => r.Alert.Rule == RuleIds.ActionPlanSubmission && r.SweepDay == day)
            .Select(r => $"{AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify}:{r.Alert.RecipientRole}")
            .Order(StringComparer.Ordinal));
        Assert.Equal("overdue-0:DCS overdue-0:PO", Plan(rows, D(2017, 12, 12)));

        // On the following days only what falls due that day by the cadence is sent: every new row's nominal day is
        // its sweep day, and no milestone is told twice at the same level and re-notification.
        foreach (var day in new[] { D(2017, 12, 13), D(2017, 12, 14), D(2017, 12, 15) })
        {
            h.Today = day;
            await h.SweepAsync();
            await h.DispatchAllAsync();
        }

        rows = await h.LedgerRowsAsync();
        Assert.Equal(string.Empty, Plan(rows, D(2017, 12, 13)));
        Assert.Equal("escalated-0:CEX escalated-0:DCS escalated-0:IBC escalated-0:PO", Plan(rows, D(2017, 12, 14)));
        Assert.All(rows.Where(r => r.SweepDay > D(2017, 12, 12)), r => Assert.Equal(r.SweepDay, r.Alert.TriggerDay));
        Assert.Equal(rows.Count, rows.Select(r => (r.Alert.MilestoneKey, r.Alert.Level, r.Alert.Renotify, r.Recipient)).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(LedgerStatus.Sent, r.Status));
    }

    private static string To(MimeMessage email) => email.To.Mailboxes.Single().Address;

    /// <summary>The items of a digest's plain-text part: each starts with "  [Level] Title".</summary>
    private static List<string> Items(MimeMessage email)
    {
        var text = email.TextBody ?? throw new InvalidOperationException("The digest has no text part.");
        return [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n  [").Skip(1).Select(i => "[" + i)];
    }

}
