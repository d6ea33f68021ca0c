using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Tests.Ical;

namespace Scheduler.Functions.Tests.Api;

/// <summary>
/// Oversight episodes through the HTTP API, with the Croydon 2017 worked examples of the rules specification
/// (report received and published Mon 4 Sep 2017) as the expected dates. Today is Fri 1 Dec 2017.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EpisodeApiTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2017, 12, 1);

    private static object CroydonEpisode => new
    {
        framework = "sif-2017",
        report_received = "2017-09-04",
        report_published = "2017-09-04",
        events = new[] { new { type = "commissioner_appointed", date = "2017-09-04" } },
    };

    [Fact]
    public async Task Croydon_calendar_has_the_worked_example_dates()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));

        var created = await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(CroydonEpisode)), HttpStatusCode.Created);
        Assert.Equal("sif-2017-20170904", created["id"]!.GetValue<string>());
        Assert.Equal("sif-2017", created["framework"]!.GetValue<string>());
        Assert.Equal("2017-09-04", created["report_received"]!.GetValue<string>());
        Assert.NotEmpty(created["milestones"]!.AsArray());
        var appointed = Assert.Single(created["events"]!.AsArray())!.AsObject();
        Assert.Equal("commissioner_appointed", appointed["event"]!["type"]!.GetValue<string>());
        Assert.StartsWith("k-", appointed["recorded_by"]!.GetValue<string>(), StringComparison.Ordinal);

        var calendarResponse = await client.GetAsync($"/api/authorities/{code}/episodes/sif-2017-20170904/calendar");
        var calendar = await TestApp.ReadAsync(calendarResponse, HttpStatusCode.OK);
        Assert.Single(calendar); // exactly {"milestones":[…]}
        var milestones = calendar["milestones"]!.AsArray().Select(m => m!.AsObject()).ToList();

        JsonObject Find(string rule, int sequence = 1) =>
            milestones.Single(m => m["rule"]!.GetValue<string>() == rule && m["sequence"]!.GetValue<int>() == sequence && m["step"] is null);

        // §6(a): 70th working day after Mon 4 Sep 2017.
        Assert.Equal("2017-12-11", Find("action_plan_submission")["due"]!.GetValue<string>());

        // §6(b): action planning visit window 25–35 working days; A1 publication 30 working days.
        var apv = Find("ofsted_action_planning_visit_window");
        Assert.Equal("2017-10-09", apv["earliest"]!.GetValue<string>());
        Assert.Equal("2017-10-23", apv["due"]!.GetValue<string>());
        Assert.Equal("2017-10-16", Find("la_publish_inspection_report")["due"]!.GetValue<string>());

        // §6(c): first monitoring visit within four weeks of the action plan deadline: (11 Dec 2017, 8 Jan 2018].
        var mv = Find("ofsted_first_monitoring_visit");
        Assert.Equal("2017-12-12", mv["earliest"]!.GetValue<string>());
        Assert.Equal("2018-01-08", mv["due"]!.GetValue<string>());

        // §6(d): first DfE review nominally Sun 4 Mar 2018, effective Fri 2 Mar 2018.
        var review = Find("dfe_progress_review");
        Assert.Equal("2018-03-04", review["due"]!.GetValue<string>());
        Assert.Equal("2018-03-02", review["effective"]!.GetValue<string>());
        Assert.True(review["nominal_non_working_day"]!.GetValue<bool>());

        // §6(e): commissioner appointed Mon 4 Sep 2017 for three months; the DfE plan target is the same day.
        Assert.Equal("2017-12-04", Find("commissioner_report")["due"]!.GetValue<string>());
        Assert.Equal("2017-12-04", Find("dfe_improvement_plan_3m")["due"]!.GetValue<string>());

        // Status relative to today (1 Dec 2017): the action plan is still to come.
        Assert.Equal("upcoming", Find("action_plan_submission")["status"]!.GetValue<string>());
        Assert.Equal("application/json", calendarResponse.Content.Headers.ContentType?.MediaType);

        // The episode's own milestones are the same objects as its calendar's.
        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/episodes/sif-2017-20170904"), HttpStatusCode.OK);
        Assert.Equal(calendar["milestones"]!.ToJsonString(), read["milestones"]!.ToJsonString());
        var list = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/episodes"), HttpStatusCode.OK);
        Assert.Equal("sif-2017-20170904", Assert.Single(list["episodes"]!.AsArray())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recording_an_event_returns_the_recomputed_calendar_and_is_idempotent_on_its_id()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(CroydonEpisode)), HttpStatusCode.Created);

        var body = new { id = "evt-plan-1", type = "action_plan_submitted", date = "2017-11-20" };
        var first = await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes/sif-2017-20170904/events", TestApp.Json(body)), HttpStatusCode.Created);
        var plan = first["milestones"]!.AsArray().Single(m => m!["rule"]!.GetValue<string>() == "action_plan_submission")!;
        Assert.Equal("met", plan["status"]!.GetValue<string>());
        Assert.Equal("2017-11-20", plan["met"]!.GetValue<string>());
        Assert.Equal(2, first["version"]!.GetValue<long>());

        var replay = await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes/sif-2017-20170904/events", TestApp.Json(body)), HttpStatusCode.OK);
        Assert.Equal(first["version"]!.GetValue<long>(), replay["version"]!.GetValue<long>());
        Assert.Equal(2, replay["events"]!.AsArray().Count); // the commissioner's appointment and the plan, once

        var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/episodes/sif-2017-20170904"), HttpStatusCode.OK);
        Assert.Equal(first["version"]!.GetValue<long>(), read["version"]!.GetValue<long>());
        Assert.Contains(read["events"]!.AsArray(), e => e!["id"]!.GetValue<string>() == "evt-plan-1");
    }

    [Fact]
    public async Task Bad_episode_input_is_a_problem_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var episodes = $"/api/authorities/{code}/episodes";

        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "2017-09-04", framework = "sif-2099" })), HttpStatusCode.BadRequest, "framework");
        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "1989-12-29" })), HttpStatusCode.BadRequest, "report_received");
        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "2017-02-30" })), HttpStatusCode.BadRequest, "report_received");
        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Json(new { report_received = "2017-09-04", colour = "red" })), HttpStatusCode.BadRequest, "colour");
        await TestApp.AssertProblemAsync(await client.PostAsync(episodes, TestApp.Raw("{\"report_received\": ")), HttpStatusCode.BadRequest, "$");
        await TestApp.AssertProblemAsync(
            await client.PostAsync(episodes, TestApp.Json(new { report_received = "2017-09-04", events = new[] { new { type = "no_such_event", date = "2017-09-05" } } })),
            HttpStatusCode.BadRequest,
            "events[0].type");

        await TestApp.ReadAsync(await client.PostAsync(episodes, TestApp.Json(CroydonEpisode)), HttpStatusCode.Created);
        var events = $"{episodes}/sif-2017-20170904/events";
        var future = await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "action_plan_submitted", date = "2017-12-05" })), HttpStatusCode.BadRequest, "date");
        Assert.Contains("future", future, StringComparison.Ordinal);
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "action_plan_submitted", date = "2017-08-01" })), HttpStatusCode.BadRequest, "date");
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "icpc_held", date = "2017-11-01" })), HttpStatusCode.BadRequest, "type");
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "action_plan_submitted", date = "2041-01-02" })), HttpStatusCode.BadRequest, "date");

        // Nothing half-written: the rejected events left the episode as it was.
        var read = await TestApp.ReadAsync(await client.GetAsync($"{episodes}/sif-2017-20170904"), HttpStatusCode.OK);
        Assert.Equal(1, read["version"]!.GetValue<long>());
        Assert.Single(read["events"]!.AsArray());

        var duplicate = await client.PostAsync(episodes, TestApp.Json(CroydonEpisode));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_episode_and_authority_are_404_problems()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var missing = await client.GetAsync($"/api/authorities/{code}/episodes/nope");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/authorities/{code}/episodes/nope/calendar")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/authorities/{code}/episodes/nope/events", TestApp.Json(new { type = "action_plan_submitted", date = "2017-11-20" }))).StatusCode);

        using var op = app.Operator();
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/api/authorities/no-such-council")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.PostAsync("/api/authorities/no-such-council/episodes", TestApp.Json(CroydonEpisode))).StatusCode);
    }

    [Fact]
    public async Task Ics_feed_is_a_parseable_calendar_and_accepts_the_key_in_the_query()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        using (var client = app.Client(key))
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(CroydonEpisode)), HttpStatusCode.Created);
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(new { framework = "sif-2017", report_received = "2017-10-02" })), HttpStatusCode.Created);
        }

        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities/{code}/calendar.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities/{code}/calendar.ics?key=sk_not_a_real_key")).StatusCode);
        var response = await anonymous.GetAsync($"/api/authorities/{code}/calendar.ics?key={Uri.EscapeDataString(key)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);

        // Read back with ical.js, a parser independent of the Ical.Net writer.
        var calendar = IcalJs.Parse(await response.Content.ReadAsStringAsync());
        Assert.EndsWith("oversight calendar", calendar.Property("x-wr-calname"), StringComparison.Ordinal);
        var events = calendar.Events;
        Assert.All(events, e => Assert.Equal(e.StartDate.PlusDays(1), e.EndDate));
        Assert.All(events, e => Assert.True(e.StartIsDate, e.Uid));
        Assert.Equal(events.Count, events.Select(e => e.Uid).Distinct().Count());

        // The UID of the first version of the feed ({authority}-{episode}-{rule}-{sequence}), on the 70th working day.
        var plan = Assert.Single(events, e => e.Uid == $"{code}-sif-2017-20170904-action_plan_submission-1@scheduler");
        Assert.Equal(("2017-12-11", "2017-12-12"), (plan.Start, plan.End));
        Assert.Equal("Written statement of action (action plan) due – sif-2017-20170904", plan.Summary);
        Assert.Contains("Status: Due Mon 11 Dec 2017.", plan.Description, StringComparison.Ordinal);

        // The action planning visit window (25th to 35th working day) as its opening and closing days.
        Assert.Equal("2017-10-09", Assert.Single(events, e => e.Uid == $"{code}-sif-2017-20170904-ofsted_action_planning_visit_window-1-opens@scheduler").Start);
        Assert.Equal("2017-10-23", Assert.Single(events, e => e.Uid == $"{code}-sif-2017-20170904-ofsted_action_planning_visit_window-1@scheduler").Start);

        // A commissioner was appointed: no improvement notice. The second episode (no commissioner) expects one.
        Assert.DoesNotContain(events, e => e.Uid.StartsWith($"{code}-sif-2017-20170904-dfe_improvement_notice", StringComparison.Ordinal));
        Assert.Single(events, e => e.Uid == $"{code}-sif-2017-20171002-dfe_improvement_notice_3m-1@scheduler");

        // Two episodes: every title names its episode, so none is shared.
        var first = events.Where(e => e.Uid.StartsWith($"{code}-sif-2017-20170904-", StringComparison.Ordinal)).Select(e => e.Summary).ToList();
        var second = events.Where(e => e.Uid.StartsWith($"{code}-sif-2017-20171002-", StringComparison.Ordinal)).Select(e => e.Summary).ToList();
        Assert.NotEmpty(second);
        Assert.Equal(events.Count, first.Count + second.Count);
        Assert.Empty(first.Intersect(second));

        // The header key works as well; calendar clients only ever use the query key on the feed: elsewhere it is not accepted.
        using (var client = app.Client(key))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}/calendar.ics")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/authorities/{code}/episodes?key={Uri.EscapeDataString(key)}")).StatusCode);
    }
}
