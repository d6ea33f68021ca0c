using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using NodaTime;
using Scheduler.Application.Alerts.Sweep;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Tests.Sweep;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>
/// Acknowledging a milestone (<c>POST …/milestones/{milestone_key}/acknowledge</c>): what it answers and stores,
/// that no alert goes to anyone while it holds, that it lapses when its date passes, the due date changes or the
/// milestone is met, that the item never leaves the work list and calendars, and the deprecated alert-key route.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcknowledgementTests(AzuriteFixture azurite)
{
    // The written statement of action of croydon's 2017 episode (CroydonDemo): due Mon 11 Dec 2017.
    private const string Plan = "episode.cro-2017.action_plan_submission.1.1";

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static string Path(string rest) => $"/api/authorities/{SweepHarness.Authority}/{rest}";

    [Fact]
    public async Task While_an_acknowledgement_holds_nobody_is_chased_and_the_item_shows_who_why_and_until_when()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 12));
        await CroydonDemo.SeedAsync(h);
        await h.SweepAsync();
        Assert.Contains(await h.LedgerRowsAsync(), r => r.Alert.MilestoneKey == Plan && r.Alert.Level == AlertLevel.Overdue);
        await h.DrainDigestsAsync();

        var response = await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = "With the DfE for sign-off", until = "2017-12-15" }));
        var ack = await TestApp.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal(["at", "by", "due", "milestone_key", "on", "reason", "until"], ack.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Plan, (string)ack["milestone_key"]!);
        Assert.StartsWith("k-", (string)ack["by"]!, StringComparison.Ordinal);
        Assert.Equal(("2017-12-12", "With the DfE for sign-off", "2017-12-15", "2017-12-11"), ((string)ack["on"]!, (string)ack["reason"]!, (string)ack["until"]!, (string)ack["due"]!));

        var listed = await TestApp.ReadAsync(await h.Api.GetAsync(Path("alerts/acknowledgements")), HttpStatusCode.OK);
        Assert.Equal(Plan, (string)Assert.Single(listed["acknowledgements"]!.AsArray())!["milestone_key"]!);

        // Never hidden: on the work list and in the calendar it carries the acknowledgement; everything else null.
        await AssertShownAsync(h, Plan, "With the DfE for sign-off", "2017-12-15");

        // Without it: escalated on Thu 14 Dec to PO, DCS, CEX and IBC (3 working days overdue), again on Thu 21 Dec.
        // With it, until Fri 15 Dec: nothing to anyone on 13–15 Dec; on Mon 18 Dec, the first working day after, the
        // escalation it held back goes out once (its nominal day 14 Dec); then the cadence: 21 Dec.
        var perDay = new Dictionary<LocalDate, string>();
        for (var day = D(2017, 12, 13); day <= D(2017, 12, 21); day = day.PlusDays(1))
        {
            h.Today = day;
            await h.SweepAsync();
            await h.DrainDigestsAsync();
            perDay[day] = string.Join(' ', (await h.LedgerRowsAsync())
                .Where(r => r.Alert.MilestoneKey == Plan && r.SweepDay == day)
                .Select(r => $"{AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify}@{r.Alert.TriggerDay:dd}:{r.Alert.RecipientRole}")
                .Order(StringComparer.Ordinal));
        }

        Assert.Equal(string.Empty, perDay[D(2017, 12, 13)]);
        Assert.Equal(string.Empty, perDay[D(2017, 12, 14)]);
        Assert.Equal(string.Empty, perDay[D(2017, 12, 15)]);
        Assert.Equal("escalated-0@14:CEX escalated-0@14:DCS escalated-0@14:IBC escalated-0@14:PO", perDay[D(2017, 12, 18)]);
        Assert.Equal(string.Empty, perDay[D(2017, 12, 19)]);
        Assert.Equal(string.Empty, perDay[D(2017, 12, 20)]);
        Assert.Equal("escalated-1@21:CEX escalated-1@21:DCS escalated-1@21:IBC escalated-1@21:PO", perDay[D(2017, 12, 21)]);

        // The other milestones were chased as usual meanwhile (the missed looked-after review, every Monday).
        Assert.Contains(await h.LedgerRowsAsync(), r => r.Alert.Rule == RuleIds.LacReviewFirst && r.SweepDay == D(2017, 12, 18));

        // Once it has lapsed the item shows no acknowledgement, though the record is still listed.
        await AssertShownAsync(h, Plan, reason: null, until: null);
        Assert.Single((await TestApp.ReadAsync(await h.Api.GetAsync(Path("alerts/acknowledgements")), HttpStatusCode.OK))["acknowledgements"]!.AsArray());
    }

    [Fact]
    public async Task An_acknowledgement_lapses_when_the_due_date_changes_and_a_met_milestone_cannot_be_acknowledged()
    {
        // Two children whose strategy discussion was Wed 29 Nov 2017: initial conference due 15 working days later,
        // Wed 20 Dec; its "upcoming" alert is 5 working days before, Wed 13 Dec. Only the first is acknowledged.
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 12));
        foreach (var caseRef in new[] { "CP-ACK-1", "CP-ACK-2" })
        {
            await h.PostAsync($"cases/{caseRef}", new
            {
                type = "CP",
                assignees = new Dictionary<string, string> { ["CPC"] = "chair@croydon.example", ["TM"] = "tm@croydon.example" },
                events = new[] { CroydonDemo.Event("strategy_discussion", D(2017, 11, 29)) },
            });
        }

        const string Icpc = "case.CP-ACK-1.icpc_15wd.1.1";
        Assert.Equal(0, (await h.SweepAsync()).NewAlerts);
        var ack = await TestApp.ReadAsync(await h.Api.PostAsync(Path($"milestones/{Icpc}/acknowledge"), TestApp.Json(new { reason = "Conference booked" })), HttpStatusCode.Created);
        Assert.Equal("2017-12-20", (string)ack["due"]!);
        Assert.Null(ack["until"]);

        h.Today = D(2017, 12, 13);
        await h.SweepAsync();
        string Sent(IEnumerable<AlertLedgerEntry> rows, LocalDate day) => string.Join(' ', rows
            .Where(r => r.SweepDay == day && r.Alert.Rule == RuleIds.Icpc)
            .Select(r => $"{r.Alert.SubjectId}:{AlertKey.LevelName(r.Alert.Level)}-{r.Alert.Renotify}@{r.Alert.TriggerDay:dd}:{r.Alert.RecipientRole}")
            .Order(StringComparer.Ordinal));
        Assert.Equal("CP-ACK-2:upcoming-0@13:CPC CP-ACK-2:upcoming-0@13:TM", Sent(await h.LedgerRowsAsync(), D(2017, 12, 13)));
        await AssertShownAsync(h, Icpc, "Conference booked", until: null);

        // The discussion is found to have been held earlier, Mon 20 Nov: the conference was due Mon 11 Dec and is
        // overdue. A new due date is a new question: the acknowledgement no longer holds, and the rerun the same day
        // says so at once (first sight at the new date: overdue, nominally Tue 12 Dec).
        await h.PostAsync("cases/CP-ACK-1/events", CroydonDemo.Event("strategy_discussion", D(2017, 11, 20)));
        await AssertShownAsync(h, Icpc, reason: null, until: null);
        var rerun = await h.SweepAsync();
        Assert.True(rerun.FirstSight >= 1);
        Assert.Equal(
            "CP-ACK-1:overdue-0@12:CPC CP-ACK-1:overdue-0@12:TM CP-ACK-2:upcoming-0@13:CPC CP-ACK-2:upcoming-0@13:TM",
            Sent(await h.LedgerRowsAsync(), D(2017, 12, 13)));

        // Acknowledged again, at the new date, it holds again; met, it cannot be acknowledged (404) and leaves the work list.
        var again = await TestApp.ReadAsync(await h.Api.PostAsync(Path($"milestones/{Icpc}/acknowledge"), TestApp.Json(new { reason = "Held today, minutes to follow" })), HttpStatusCode.Created);
        Assert.Equal("2017-12-11", (string)again["due"]!);
        await h.PostAsync("cases/CP-ACK-1/events", CroydonDemo.Event("icpc_held", D(2017, 12, 13)));
        var closed = await h.Api.PostAsync(Path($"milestones/{Icpc}/acknowledge"), TestApp.Json(new { reason = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        Assert.Equal("application/problem+json", closed.Content.Headers.ContentType?.MediaType);
        var worklist = await TestApp.ReadAsync(await h.Api.GetAsync(Path("worklist?days=10")), HttpStatusCode.OK);
        Assert.DoesNotContain(WorkItems(worklist), i => (string)i["milestone_key"]! == Icpc);
    }

    [Fact]
    public async Task Acknowledging_refuses_what_names_no_open_milestone_and_bad_fields()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 12));
        await CroydonDemo.SeedAsync(h);
        async Task NotFoundAsync(string key)
        {
            var response = await h.Api.PostAsync(Path($"milestones/{key}/acknowledge"), TestApp.Json(new { reason = "x" }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        await NotFoundAsync("case.CP-NOBODY.icpc_15wd.1.1");                     // no such case
        await NotFoundAsync("episode.cro-2017.action_plan_submission.1.2");      // no such occurrence
        await NotFoundAsync("episode.cro-2017.no_such_rule.1.1");
        await NotFoundAsync("not-a-milestone-key");
        await NotFoundAsync("episode.cro-2017.action_plan_submission.01.1");     // not the one spelling
        await NotFoundAsync($"case.{CroydonDemo.CpCase}.icpc_15wd.1.1");         // held on 25 Sep: met, closed
        using (var op = h.App.Operator())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsync($"/api/authorities/nowhere/milestones/{Plan}/acknowledge", TestApp.Json(new { reason = "x" }))).StatusCode);
        }

        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { })), HttpStatusCode.BadRequest, "reason");
        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = "   " })), HttpStatusCode.BadRequest, "reason");
        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = new string('x', 1001) })), HttpStatusCode.BadRequest, "reason");
        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = "x", until = "2017-12-11" })), HttpStatusCode.BadRequest, "until");
        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = "x", until = "11/12/2017" })), HttpStatusCode.BadRequest, "until");
        await TestApp.AssertProblemAsync(await h.Api.PostAsync(Path($"milestones/{Plan}/acknowledge"), TestApp.Json(new { reason = "x", expires = "2017-12-20" })), HttpStatusCode.BadRequest, "expires");
        Assert.Empty((await TestApp.ReadAsync(await h.Api.GetAsync(Path("alerts/acknowledgements")), HttpStatusCode.OK))["acknowledgements"]!.AsArray());
    }

    [Fact]
    public async Task The_deprecated_alert_key_route_acknowledges_the_alerts_milestone_for_everyone()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 12));
        await CroydonDemo.SeedAsync(h);
        await h.SweepAsync();
        await h.DrainDigestsAsync();

        // One recipient's alert key, as earlier emails and clients held it: the DCS's overdue alert of the plan.
        var dcsAlert = Assert.Single(await h.LedgerRowsAsync(), r => r.Alert.MilestoneKey == Plan && r.Recipient == "dcs@croydon.example").Key;
        var response = await h.Api.PostAsync(Path($"alerts/{dcsAlert}/acknowledge"), TestApp.Json(new { reason = "Plan with the DfE", expires = "2017-12-20" }));
        var ack = await TestApp.ReadAsync(response, HttpStatusCode.Created);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.Equal($"</api/authorities/croydon/milestones/{Plan}/acknowledge>; rel=\"successor-version\"", Assert.Single(response.Headers.GetValues("Link")));
        Assert.Equal((Plan, "2017-12-20", "2017-12-11"), ((string)ack["milestone_key"]!, (string)ack["until"]!, (string)ack["due"]!));

        // It silences the milestone for everyone, escalation roles included: nothing on Thu 14 Dec (escalation day).
        h.Today = D(2017, 12, 14);
        await h.SweepAsync();
        Assert.DoesNotContain(await h.LedgerRowsAsync(), r => r.Alert.MilestoneKey == Plan && r.SweepDay == D(2017, 12, 14));
        Assert.Contains(await h.LedgerRowsAsync(), r => r.SweepDay == D(2017, 12, 14)); // the sweep did run and alert others

        // An alert key that maps to no open milestone of this authority: 404, still marked deprecated.
        foreach (var key in new[]
        {
            "some-key",
            dcsAlert.Replace(".croydon.", ".sutton.", StringComparison.Ordinal),                                    // another authority's
            "case.croydon.CRO-CP-001.icpc_15wd.1.20170925.due-0.CPC",                                                 // met on 25 Sep
            "case.croydon.CRO-NOBODY.icpc_15wd.1.20171211.due-0.CPC",                                                 // no such case
        })
        {
            var refused = await h.Api.PostAsync(Path($"alerts/{key}/acknowledge"), TestApp.Json(new { reason = "x" }));
            Assert.True(HttpStatusCode.NotFound == refused.StatusCode, $"{key}: {(int)refused.StatusCode}");
            Assert.Equal("true", Assert.Single(refused.Headers.GetValues("Deprecation")));
        }
    }

    [Fact]
    public async Task A_row_stored_by_the_earlier_version_under_an_alert_key_is_read_as_its_milestones_acknowledgement()
    {
        await using var h = await SweepHarness.StartAsync(azurite, D(2017, 12, 13));
        await CroydonDemo.SeedAsync(h);

        // Written as the earlier version wrote it: RowKey one recipient's alert key, "Expires", no due date.
        var legacyKey = "episode.croydon.cro-2017.action_plan_submission.1.20171211.overdue-0.PO.po~40croydon~2Eexample";
        await h.App.Service<SchedulerTables>().Acknowledgements.AddEntityAsync(new TableEntity(SweepHarness.Authority, legacyKey)
        {
            ["By"] = "k-old",
            ["Reason"] = "Acknowledged before the upgrade",
            ["On"] = "2017-12-12",
            ["Expires"] = "2017-12-15",
            ["At"] = DateTimeOffset.Parse("2017-12-12T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        });

        var listed = Assert.Single((await TestApp.ReadAsync(await h.Api.GetAsync(Path("alerts/acknowledgements")), HttpStatusCode.OK))["acknowledgements"]!.AsArray())!;
        Assert.Equal((Plan, "k-old", "2017-12-15", "2017-12-11"), ((string)listed["milestone_key"]!, (string)listed["by"]!, (string)listed["until"]!, (string)listed["due"]!));
        await AssertShownAsync(h, Plan, "Acknowledged before the upgrade", "2017-12-15");

        // It holds for everyone: on Thu 14 Dec the escalation goes to nobody.
        h.Today = D(2017, 12, 14);
        await h.SweepAsync();
        Assert.DoesNotContain(await h.LedgerRowsAsync(), r => r.Alert.MilestoneKey == Plan);
    }

    private static IEnumerable<JsonObject> WorkItems(JsonObject worklist) =>
        worklist["overdue"]!.AsArray().Concat(worklist["due"]!.AsArray()).Select(i => i!.AsObject());

    /// <summary>
    /// The milestone is on the work list and in its episode calendar or case milestones, with its milestone key and
    /// the given acknowledgement (reason and until; null reason: none holds); every other item's acknowledgement is null.
    /// </summary>
    private static async Task AssertShownAsync(SweepHarness h, string milestoneKey, string? reason, string? until)
    {
        Assert.True(MilestoneKeys.TryParse(milestoneKey, out var parts));
        var worklist = await TestApp.ReadAsync(await h.Api.GetAsync(Path("worklist?days=10")), HttpStatusCode.OK);
        var path = parts.Kind == SubjectKind.Episode ? $"episodes/{parts.SubjectId}/calendar" : $"cases/{parts.SubjectId}/milestones";
        var calendar = await TestApp.ReadAsync(await h.Api.GetAsync(Path(path)), HttpStatusCode.OK);
        var shown = new[]
        {
            ("work list", WorkItems(worklist).ToList()),
            ("calendar", calendar["milestones"]!.AsArray().Select(m => m!.AsObject()).ToList()),
        };
        foreach (var (where, items) in shown)
        {
            Assert.All(items, i => Assert.True(i.ContainsKey("milestone_key") && i.ContainsKey("acknowledgement"), $"{where}: {i.ToJsonString()}"));
            var item = Assert.Single(items, i => (string)i["milestone_key"]! == milestoneKey);
            Assert.All(items.Where(i => i != item), i => Assert.Null(i["acknowledgement"]));
            var ack = item["acknowledgement"];
            if (reason is null)
            {
                Assert.True(ack is null, $"{where}: {ack?.ToJsonString()}");
                continue;
            }

            Assert.NotNull(ack);
            Assert.Equal(milestoneKey, (string)ack["milestone_key"]!);
            Assert.Equal(reason, (string)ack["reason"]!);
            Assert.Equal(until, (string?)ack["until"]);
            Assert.False(string.IsNullOrEmpty((string)ack["by"]!));
            Assert.NotNull(ack["on"]);
        }
    }
}
