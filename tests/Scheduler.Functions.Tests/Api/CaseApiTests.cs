using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>Children's cases through the HTTP API; expected dates from the specification's bank-holiday test vectors. Today is Tue 2 Jan 2018.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseApiTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2018, 1, 2);

    private static JsonObject Milestone(JsonObject subject, string rule, int sequence = 1) =>
        subject["milestones"]!.AsArray().Select(m => m!.AsObject()).Single(m => m["rule"]!.GetValue<string>() == rule && m["sequence"]!.GetValue<int>() == sequence);

    [Fact]
    public async Task Child_protection_case_icpc_falls_15_working_days_after_the_strategy_discussion_over_christmas()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var created = await TestApp.ReadAsync(
            await client.PostAsync($"/api/authorities/{code}/cases/CP-T-001", TestApp.Json(new
            {
                type = "CP",
                assignees = new { CPC = "chair.one@example.org", TM = "tm@example.org" },
                events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } },
            })),
            HttpStatusCode.Created);
        Assert.Equal("CP-T-001", created["case_ref"]!.GetValue<string>());
        Assert.Equal(code, created["authority"]!.GetValue<string>());
        Assert.Equal("CP", created["type"]!.GetValue<string>());
        Assert.Equal("chair.one@example.org", created["assignees"]!["CPC"]!.GetValue<string>());
        Assert.Equal("2018-01-08", Milestone(created, "icpc_15wd")["due"]!.GetValue<string>());
        Assert.Equal(1, created["version"]!.GetValue<long>());

        // The documented keys of a case, in snake_case.
        foreach (var field in new[] { "case_ref", "authority", "type", "assignees", "events", "version", "created_at", "updated_at", "milestones" })
        {
            Assert.True(created.ContainsKey(field), $"case has no '{field}': {created.ToJsonString()}");
        }

        var doc = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/CP-T-001/milestones"), HttpStatusCode.OK);
        Assert.Single(doc);
        Assert.Equal("2018-01-08", Milestone(doc, "icpc_15wd")["due"]!.GetValue<string>());

        // A second create of the same case is a conflict.
        var again = await client.PostAsync($"/api/authorities/{code}/cases/CP-T-001", TestApp.Json(new { type = "CP" }));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        // The ICPC before its strategy discussion is impossible: refused, and nothing is written.
        var reason = await TestApp.AssertProblemAsync(
            await client.PostAsync($"/api/authorities/{code}/cases/CP-T-001/events", TestApp.Json(new { type = "icpc_held", date = "2017-12-01" })),
            HttpStatusCode.BadRequest,
            "date");
        Assert.Contains("strategy discussion", reason, StringComparison.Ordinal);

        var held = await TestApp.ReadAsync(
            await client.PostAsync($"/api/authorities/{code}/cases/CP-T-001/events", TestApp.Json(new { type = "icpc_held", date = "2017-12-29" })),
            HttpStatusCode.Created);
        Assert.Equal("met", Milestone(held, "icpc_15wd")["status"]!.GetValue<string>());
        Assert.Equal(2, held["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Looked_after_case_first_review_is_20_working_days_and_put_changes_assignees_only()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var created = await TestApp.ReadAsync(
            await client.PostAsync($"/api/authorities/{code}/cases/LAC-T-001", TestApp.Json(new
            {
                type = "LAC",
                events = new object[]
                {
                    new { type = "became_looked_after", date = "2017-12-20" },
                    new { type = "placement_started", date = "2017-12-20", kind = "standard" },
                },
            })),
            HttpStatusCode.Created);
        Assert.Equal("2018-01-22", Milestone(created, "lac_review_first_20wd")["due"]!.GetValue<string>());

        var updated = await TestApp.ReadAsync(
            await client.PutAsync($"/api/authorities/{code}/cases/LAC-T-001", TestApp.Json(new { assignees = new { IRO = "iro@example.org" } })),
            HttpStatusCode.OK);
        Assert.Equal("iro@example.org", updated["assignees"]!["IRO"]!.GetValue<string>());
        Assert.Equal(2, updated["events"]!.AsArray().Count);
        Assert.Equal("LAC", updated["type"]!.GetValue<string>());
        Assert.Equal("2018-01-22", Milestone(updated, "lac_review_first_20wd")["due"]!.GetValue<string>());

        var put = await client.PutAsync($"/api/authorities/{code}/cases/LAC-T-002", TestApp.Json(new { type = "LAC" }));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}/cases/LAC-T-002")).StatusCode);
        var missing = await client.GetAsync($"/api/authorities/{code}/cases/LAC-T-404");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Personal_data_unknown_fields_and_bad_values_are_refused_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var path = $"/api/authorities/{code}/cases/CP-T-009";

        var name = await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", name = "A Child" })), HttpStatusCode.BadRequest, "name");
        Assert.Contains("case reference", name, StringComparison.Ordinal);
        Assert.DoesNotContain("A Child", name, StringComparison.Ordinal);
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", dob = "2010-01-01" })), HttpStatusCode.BadRequest, "dob");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", child = new { address = "1 High St" } })), HttpStatusCode.BadRequest, "child.address");
        await TestApp.AssertProblemAsync(
            await client.PostAsync(path, TestApp.Json(new { type = "CP", events = new[] { new { type = "strategy_discussion", date = "2017-12-13", date_of_birth = "2010-01-01" } } })),
            HttpStatusCode.BadRequest,
            "events[0].date_of_birth");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", priority = "high" })), HttpStatusCode.BadRequest, "priority");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "XYZ" })), HttpStatusCode.BadRequest, "type");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", assignees = new { IRO = "not-an-email" } })), HttpStatusCode.BadRequest, "assignees.IRO");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP", assignees = new { DCS = "dcs@example.org" } })), HttpStatusCode.BadRequest, "assignees.DCS");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Raw("[1,2]")), HttpStatusCode.BadRequest, "$");
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Raw("{\"type\":\"CP\",")), HttpStatusCode.BadRequest, "$");
        await TestApp.AssertProblemAsync(await client.PostAsync($"/api/authorities/{code}/cases/bad%7Cref", TestApp.Json(new { type = "CP" })), HttpStatusCode.BadRequest, "caseRef");

        var oversized = "{\"type\":\"CP\",\"pad\":\"" + new string('x', 70 * 1024) + "\"}";
        await TestApp.AssertProblemAsync(await client.PostAsync(path, TestApp.Raw(oversized)), HttpStatusCode.RequestEntityTooLarge, "$");

        // Nothing was written by any of the refusals.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);

        await TestApp.ReadAsync(await client.PostAsync(path, TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        var events = $"{path}/events";
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "teleported", date = "2017-12-13" })), HttpStatusCode.BadRequest, "type");
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "strategy_discussion", date = "2041-01-01" })), HttpStatusCode.BadRequest, "date");
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "strategy_discussion" })), HttpStatusCode.BadRequest, "date");
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "placement_started", date = "2017-12-13", kind = "castle" })), HttpStatusCode.BadRequest, "kind");
        // A visit with no ICPC yet is accepted (the ICPC may arrive later: docs/rules.md, events in any order); a
        // visit dated after today is not.
        await TestApp.AssertProblemAsync(await client.PostAsync(events, TestApp.Json(new { type = "cp_visit_made", date = "2018-02-01" })), HttpStatusCode.BadRequest, "date");

        var read = await TestApp.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);
        Assert.Empty(read["events"]!.AsArray());
        Assert.Equal(1, read["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Work_list_shows_overdue_and_due_within_working_days_per_authority_and_per_assignee()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-A", TestApp.Json(new
        {
            type = "CP",
            assignees = new { CPC = "chair.one@example.org" },
            events = new[] { new { type = "strategy_discussion", date = "2017-12-13" } },
        })), HttpStatusCode.Created);
        await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/CP-B", TestApp.Json(new
        {
            type = "CP",
            assignees = new { CPC = "chair.two@example.org" },
            events = new object[] { new { type = "strategy_discussion", date = "2017-09-04" }, new { type = "icpc_held", date = "2017-09-25" } },
        })), HttpStatusCode.Created);

        var list = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/worklist?days=10"), HttpStatusCode.OK);
        Assert.Equal(code, list["authority"]!.GetValue<string>());
        Assert.Equal("2018-01-02", list["today"]!.GetValue<string>());
        Assert.Equal(10, list["days"]!.GetValue<int>());
        Assert.Equal("2018-01-16", list["through"]!.GetValue<string>()); // 10 working days after Tue 2 Jan 2018

        var due = list["due"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var icpc = due.Single(i => i["subject_id"]!.GetValue<string>() == "CP-A" && i["rule"]!.GetValue<string>() == "icpc_15wd");
        Assert.Equal("case", icpc["subject_kind"]!.GetValue<string>());
        Assert.Equal("2018-01-08", icpc["effective"]!.GetValue<string>());
        Assert.Equal(4, icpc["working_days"]!.GetValue<int>()); // 3, 4, 5, 8 Jan
        Assert.Contains("chair.one@example.org", icpc["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));

        // ICPC Mon 25 Sep 2017 + 3 months = Mon 25 Dec 2017 (Christmas), effective Fri 22 Dec 2017: overdue by now.
        var overdue = list["overdue"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var review = overdue.Single(i => i["subject_id"]!.GetValue<string>() == "CP-B" && i["rule"]!.GetValue<string>() == "cp_review_first_3m");
        Assert.Equal("2017-12-25", review["due"]!.GetValue<string>());
        Assert.Equal("2017-12-22", review["effective"]!.GetValue<string>());
        Assert.True(review["working_days"]!.GetValue<int>() < 0);

        var mine = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/worklist?days=10&assignee=chair.one@example.org"), HttpStatusCode.OK);
        Assert.Equal("chair.one@example.org", mine["assignee"]!.GetValue<string>());
        var subjects = mine["due"]!.AsArray().Concat(mine["overdue"]!.AsArray()).Select(i => i!["subject_id"]!.GetValue<string>()).Distinct().ToList();
        Assert.Equal(["CP-A"], subjects);

        await TestApp.AssertProblemAsync(await client.GetAsync($"/api/authorities/{code}/worklist?days=ten"), HttpStatusCode.BadRequest, "days");
        await TestApp.AssertProblemAsync(await client.GetAsync($"/api/authorities/{code}/worklist?days=1000"), HttpStatusCode.BadRequest, "days");
        await TestApp.AssertProblemAsync(await client.GetAsync($"/api/authorities/{code}/worklist?assignee=bob"), HttpStatusCode.BadRequest, "assignee");
    }

    [Fact]
    public async Task Concurrent_events_on_one_case_are_all_recorded_and_none_is_lost()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var path = $"/api/authorities/{code}/cases/LAC-C-001";
        await TestApp.ReadAsync(await client.PostAsync(path, TestApp.Json(new
        {
            type = "LAC",
            events = new object[]
            {
                new { type = "became_looked_after", date = "2017-12-01" },
                new { type = "placement_started", date = "2017-12-01", kind = "standard" },
            },
        })), HttpStatusCode.Created);

        // Several writers at once on the same row: each conditional write that loses re-reads and retries (docs/api.md, Writes).
        var days = new[] { "2017-12-04", "2017-12-05", "2017-12-06", "2017-12-07", "2017-12-08" };
        var responses = await Task.WhenAll(days.Select(day =>
            client.PostAsync($"{path}/events", TestApp.Json(new { id = $"visit-{day}", type = "statutory_visit_made", date = day }))));
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var read = await TestApp.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);
        Assert.Equal(1 + days.Length, read["version"]!.GetValue<long>());
        var ids = read["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2 + days.Length, ids.Count);
        Assert.All(days, day => Assert.Contains($"visit-{day}", ids));
    }
}
