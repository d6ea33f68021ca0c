using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;
using static Scheduler.Functions.Tests.Imports.ImportClient;

namespace Scheduler.Functions.Tests.Imports;

/// <summary>
/// <c>POST /api/authorities/{code}/imports</c> against Azurite: both returns and both code-list years, importing
/// twice, next year's return, events already recorded through the API, conflicts, bad rows and dry runs.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportRouteTests(AzuriteFixture azurite)
{
    private static readonly LocalDate May2024 = new(2024, 5, 15);
    private static readonly LocalDate May2026 = new(2026, 5, 20);

    [Fact]
    public async Task A_903_return_of_2023_24_creates_each_childs_case_with_its_events_and_due_dates()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);

        var report = await ImportAsync(client, code, Returns.Ssda903Year2024);

        Assert.Equal("903", report["kind"]!.GetValue<string>());
        Assert.Equal("2023/24", report["collection_year"]!.GetValue<string>());
        Assert.False(report["dry_run"]!.GetValue<bool>());
        Assert.Empty(report["problems"]!.AsArray());
        Assert.Empty(report["conflicts"]!.AsArray());
        AssertSummary(report, cases: 3, created: 3, eventsAdded: 10);
        foreach (var (child, events) in Returns.Ssda903Year2024Events)
        {
            var stored = (await CaseAsync(client, code, child))!;
            Assert.Equal(child, stored["case_ref"]!.GetValue<string>());
            Assert.Equal("LAC", stored["type"]!.GetValue<string>());
            Assert.Equal(events.Order(StringComparer.Ordinal), EventShapes(stored));
            Assert.All(EventIds(stored), id => Assert.StartsWith($"ret-{child}-", id, StringComparison.Ordinal));
            var entry = ReportCase(report, child);
            Assert.Equal("created", entry["outcome"]!.GetValue<string>());
            Assert.Equal(events.Length, entry["events_added"]!.GetValue<int>());
            Assert.Equal(EventIds(stored).Order(StringComparer.Ordinal), entry["added"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));

            // The report's due dates are the stored case's, as GET computes them (GET adds each one's milestone key and acknowledgement).
            var storedMilestones = stored["milestones"]!.DeepClone().AsArray();
            foreach (var milestone in storedMilestones)
            {
                milestone!.AsObject().Remove("milestone_key");
                milestone.AsObject().Remove("acknowledgement");
            }

            Assert.True(JsonNode.DeepEquals(storedMilestones, entry["milestones"]), $"{child}: report milestones differ from the stored case's");
            Assert.NotEmpty(entry["milestones"]!.AsArray());
        }

        Assert.Contains("ret-C100-placement_started-20230904", EventIds((await CaseAsync(client, code, "C100"))!));
    }

    [Fact]
    public async Task A_903_return_of_2025_26_imports_the_good_rows_and_reports_each_bad_one_with_file_line_and_column()
    {
        await using var app = await TestApp.StartAsync(azurite, May2026);
        var (code, client) = await AuthorityAsync(app);

        var report = await ImportAsync(client, code, Returns.Ssda903Year2026);

        Assert.Equal("2025/26", report["collection_year"]!.GetValue<string>());
        var problems = report["problems"]!.AsArray().Select(p => p!.AsObject()).ToList();
        foreach (var (file, line, column, child) in Returns.Ssda903Year2026Problems)
        {
            Assert.Contains(problems, p => p["file"]!.GetValue<string>() == file && p["line"]!.GetValue<int>() == line
                && p["column"]!.GetValue<string>() == column && p["reason"]!.GetValue<string>().StartsWith($"child {child}:", StringComparison.Ordinal));
            Assert.Null(await CaseAsync(client, code, child));
        }

        Assert.Contains(problems, p => p["reason"]!.GetValue<string>().Contains("'H5' is not in the 2025/26 list of PLACE codes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p["line"]!.GetValue<int>() == 5 && p["reason"]!.GetValue<string>().Contains("two-digit year", StringComparison.OrdinalIgnoreCase));

        // The good child imports whole: Z11 (new in 2025/26) is a standard placement.
        AssertSummary(report, cases: 1, created: 1, eventsAdded: 3);
        Assert.Equal(
            ["became_looked_after 2025-05-01", "looked_after_review_held 2025-05-29", "placement_started 2025-05-01 standard"],
            EventShapes((await CaseAsync(client, code, "D100"))!));
    }

    [Fact]
    public async Task The_year_field_chooses_the_code_lists_so_a_2023_24_return_read_as_2025_26_reports_H5()
    {
        await using var app = await TestApp.StartAsync(azurite, May2026);
        var (code, client) = await AuthorityAsync(app);

        var asIs = await ImportAsync(client, code, Returns.Ssda903Year2024, "?dry_run=true&year=2023/24");
        var later = await ImportAsync(client, code, Returns.Ssda903Year2024, "?dry_run=true", ("year", "2026"));

        Assert.Equal("2023/24", asIs["collection_year"]!.GetValue<string>());
        Assert.Empty(asIs["problems"]!.AsArray());
        Assert.Equal("2025/26", later["collection_year"]!.GetValue<string>());
        var problem = Assert.Single(later["problems"]!.AsArray())!;
        Assert.Equal(("episodes.csv", 5, "PLACE"), (problem["file"]!.GetValue<string>(), problem["line"]!.GetValue<int>(), problem["column"]!.GetValue<string>()));
        Assert.DoesNotContain(later["cases"]!.AsArray(), c => c!["case_ref"]!.GetValue<string>() == "C700");
    }

    [Fact]
    public async Task Census_returns_of_2023_24_and_2025_26_create_child_protection_cases()
    {
        await using var app = await TestApp.StartAsync(azurite, May2026);
        var (code, client) = await AuthorityAsync(app);

        var first = await ImportAsync(client, code, [Returns.Census2024]);
        var second = await ImportAsync(client, code, [Returns.Census2026], "", ("kind", "cin"));

        Assert.Equal(("cin", "2023/24"), (first["kind"]!.GetValue<string>(), first["collection_year"]!.GetValue<string>()));
        Assert.Equal(("cin", "2025/26"), (second["kind"]!.GetValue<string>(), second["collection_year"]!.GetValue<string>()));
        AssertSummary(first, cases: 2, created: 2, eventsAdded: 11);
        AssertSummary(second, cases: 1, created: 1, eventsAdded: 4);
        foreach (var (child, events) in Returns.Census2024Events.Concat(Returns.Census2026Events))
        {
            var stored = (await CaseAsync(client, code, child))!;
            Assert.Equal("CP", stored["type"]!.GetValue<string>());
            Assert.Equal(events.Order(StringComparer.Ordinal), EventShapes(stored));
        }

        Assert.Contains("ret-CIN001-milestone_completed.assessment_45wd-20231020", EventIds((await CaseAsync(client, code, "CIN001"))!));
    }

    [Fact]
    public async Task Importing_the_same_returns_twice_changes_nothing_and_the_second_report_says_everything_is_already_present()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);
        await ImportAsync(client, code, Returns.Ssda903Year2024);
        await ImportAsync(client, code, [Returns.Census2024]);
        var tables = await TablesAsync(azurite, app);
        var cases = await CasesAsync(client, code, ["C100", "C200", "C700", "CIN001", "CIN005"]);

        var again903 = await ImportAsync(client, code, Returns.Ssda903Year2024);
        var againCin = await ImportAsync(client, code, [Returns.Census2024]);

        AssertSummary(again903, cases: 3, unchanged: 3, alreadyPresent: 10);
        AssertSummary(againCin, cases: 2, unchanged: 2, alreadyPresent: 11);
        Assert.All(again903["cases"]!.AsArray().Concat(againCin["cases"]!.AsArray()), c => Assert.Empty(c!["added"]!.AsArray()));
        AssertSameTables(tables, await TablesAsync(azurite, app));
        var after = await CasesAsync(client, code, ["C100", "C200", "C700", "CIN001", "CIN005"]);
        Assert.True(JsonNode.DeepEquals(cases, after), "a case changed on the second import");
    }

    [Fact]
    public async Task Next_years_return_adds_only_what_is_new()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2024, 5, 1));
        var (code, client) = await AuthorityAsync(app);

        // 2023/24: looked after on 4 Sep 2023, reviewed 2 Oct 2023.
        await ImportAsync(client, code,
        [
            ("e.csv", $"{Returns.EpisodesHeader}\nC1,04/09/2023,S,C2,N1,U6,PR1,,,,,,\n"),
            ("r.csv", $"{Returns.ReviewsHeader}\nC1,,02/10/2023,PN1\n"),
        ]);

        // 2024/25: the episode open on 1 April comes again with its start; a move (U4) on 1 Jun 2024 and a review follow.
        app.Clock.MoveTo(new LocalDate(2025, 5, 1));
        var report = await ImportAsync(client, code,
        [
            ("e.csv", $"{Returns.EpisodesHeader}\nC1,04/09/2023,S,C2,N1,U6,PR1,01/06/2024,X1,CARPL,,,\nC1,01/06/2024,P,C2,N1,U4,PR1,,,,,,\n"),
            ("r.csv", $"{Returns.ReviewsHeader}\nC1,,02/04/2024,PN1\n"),
        ]);

        Assert.Equal("2024/25", report["collection_year"]!.GetValue<string>());
        // Its events: became looked after and placed on 4 Sep 2023 (present), the move and the review (new).
        AssertSummary(report, cases: 1, updated: 1, eventsAdded: 2, alreadyPresent: 2);
        Assert.Equal(
            ["ret-C1-looked_after_review_held-20240402", "ret-C1-placement_started-20240601"],
            ReportCase(report, "C1")["added"]!.AsArray().Select(a => a!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "became_looked_after 2023-09-04", "looked_after_review_held 2023-10-02", "looked_after_review_held 2024-04-02",
                "placement_started 2023-09-04 standard", "placement_started 2024-06-01 long_term_foster",
            ],
            EventShapes((await CaseAsync(client, code, "C1"))!));
    }

    [Fact]
    public async Task An_event_recorded_first_through_the_API_with_another_id_is_not_duplicated()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C100", TestApp.Json(new { type = "LAC" }))).StatusCode);
        await RecordAsync(client, code, "C100", new { id = "cms-4711", type = "became_looked_after", date = "2023-09-04" });
        await RecordAsync(client, code, "C100", new { id = "cms-4712", type = "placement_started", date = "2023-09-04", kind = "long_term_foster" });

        var report = await ImportAsync(client, code, Returns.Ssda903Year2024);

        var entry = ReportCase(report, "C100");
        Assert.Equal("updated", entry["outcome"]!.GetValue<string>());
        Assert.Equal((3, 2), (entry["events_added"]!.GetValue<int>(), entry["events_already_present"]!.GetValue<int>()));
        var stored = (await CaseAsync(client, code, "C100"))!;
        Assert.Equal(Returns.Ssda903Year2024Events["C100"].Order(StringComparer.Ordinal), EventShapes(stored));
        var ids = EventIds(stored);
        Assert.Contains("cms-4711", ids);
        Assert.Contains("cms-4712", ids);
        Assert.DoesNotContain("ret-C100-became_looked_after-20230904", ids);
        Assert.DoesNotContain("ret-C100-placement_started-20230904", ids);

        // And an event recorded through the API after the import, with the import's id, is a replay.
        var replay = await client.PostAsync($"/api/authorities/{code}/cases/C100/events", TestApp.Json(new { id = "ret-C100-placement_started-20231106", type = "placement_started", date = "2023-11-06", kind = "standard" }));
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
    }

    [Fact]
    public async Task A_conflict_with_the_stored_case_is_reported_and_nothing_is_overwritten_for_that_child()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);

        // C100 is a child protection case here; C700's placement of 5 Jun 2023 is recorded as short breaks.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C100", TestApp.Json(new { type = "CP", events = new[] { new { type = "referral_received", date = "2023-08-01" } } }))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C700", TestApp.Json(new { type = "LAC" }))).StatusCode);
        await RecordAsync(client, code, "C700", new { id = "cms-1", type = "placement_started", date = "2023-06-05", kind = "short_breaks" });
        var before = await CasesAsync(client, code, ["C100", "C700"]);

        var report = await ImportAsync(client, code, Returns.Ssda903Year2024);

        AssertSummary(report, cases: 3, created: 1, conflicted: 2, eventsAdded: 3, alreadyPresent: 0, conflicts: 2);
        var conflicts = report["conflicts"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var type = Assert.Single(conflicts, c => c["case_ref"]!.GetValue<string>() == "C100");
        Assert.Null(type["event_id"]);
        Assert.Contains("is CP", type["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("LAC", type["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var placement = Assert.Single(conflicts, c => c["case_ref"]!.GetValue<string>() == "C700");
        Assert.Equal("ret-C700-placement_started-20230605", placement["event_id"]!.GetValue<string>());
        Assert.Equal(("episodes.csv", 5, "DECOM"), (placement["file"]!.GetValue<string>(), placement["line"]!.GetValue<int>(), placement["column"]!.GetValue<string>()));
        Assert.Contains("short_breaks", placement["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("standard", placement["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("conflict", ReportCase(report, "C700")["outcome"]!.GetValue<string>());

        // Neither case changed (C700 did not even get its became_looked_after); C200 imported.
        Assert.True(JsonNode.DeepEquals(before, await CasesAsync(client, code, ["C100", "C700"])), "a conflicting case was changed");
        Assert.NotNull(await CaseAsync(client, code, "C200"));
    }

    [Fact]
    public async Task A_child_whose_events_the_domain_refuses_beside_the_stored_ones_is_reported_and_left_unwritten()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);

        // Stored: C100 looked after 1 Jul 2023 and closed 1 Aug 2023, so nothing can be recorded after 1 Aug.
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C100", TestApp.Json(new
        {
            type = "LAC",
            events = new[] { new { type = "became_looked_after", date = "2023-07-01" }, new { type = "case_closed", date = "2023-08-01" } },
        }))).StatusCode);
        var before = await CaseAsync(client, code, "C100");

        var report = await ImportAsync(client, code, Returns.Ssda903Year2024);

        var entry = ReportCase(report, "C100");
        Assert.Equal("refused", entry["outcome"]!.GetValue<string>());
        Assert.Empty(entry["added"]!.AsArray());
        var problem = Assert.Single(report["problems"]!.AsArray())!;
        Assert.Equal("episodes.csv", problem["file"]!.GetValue<string>());
        Assert.Equal(2, problem["line"]!.GetValue<int>());
        Assert.StartsWith("child C100: became_looked_after cannot be recorded", problem["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(before, await CaseAsync(client, code, "C100")), "the refused case was changed");
        AssertSummary(report, cases: 3, created: 2, refused: 1, eventsAdded: 5, problems: 1);
    }

    [Fact]
    public async Task A_looked_after_child_whose_care_began_before_the_return_is_merged_into_its_case_or_created_with_a_note()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);

        // C300 and C301 were looked after before 2023/24: their first episode in the return is a placement change.
        (string, string)[] files =
        [
            ("episodes.csv", $"{Returns.EpisodesHeader}\nC300,01/02/2022,P,C2,N1,U6,PR1,,,,,,\nC301,01/03/2022,P,C2,N1,U6,PR1,,,,,,\n"),
            ("reviews.csv", $"{Returns.ReviewsHeader}\nC300,,10/05/2023,PN3\nC301,,11/05/2023,PN3\n"),
        ];
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C300", TestApp.Json(new
        {
            type = "LAC",
            events = new[] { new { type = "became_looked_after", date = "2021-06-01" } },
        }))).StatusCode);

        var report = await ImportAsync(client, code, files);

        Assert.Equal("updated", ReportCase(report, "C300")["outcome"]!.GetValue<string>());
        Assert.Equal(
            ["became_looked_after 2021-06-01", "looked_after_review_held 2023-05-10", "placement_started 2022-02-01 standard"],
            EventShapes((await CaseAsync(client, code, "C300"))!));
        Assert.Equal("created", ReportCase(report, "C301")["outcome"]!.GetValue<string>());
        Assert.Equal(["looked_after_review_held 2023-05-11", "placement_started 2022-03-01 standard"], EventShapes((await CaseAsync(client, code, "C301"))!));
        var note = Assert.Single(report["notes"]!.AsArray(), n => n!.GetValue<string>().Contains("created without the date the child became looked after", StringComparison.Ordinal))!;
        Assert.Contains("C301", note.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("C300", note.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_reports_what_the_import_then_does()
    {
        await using var app = await TestApp.StartAsync(azurite, May2024);
        var (code, client) = await AuthorityAsync(app);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/C100", TestApp.Json(new { type = "LAC" }))).StatusCode);
        await RecordAsync(client, code, "C100", new { id = "cms-4711", type = "became_looked_after", date = "2023-09-04" });
        var tables = await TablesAsync(azurite, app);
        var counts = await RowCountsAsync(azurite, app);

        var dry903 = await ImportAsync(client, code, Returns.Ssda903Year2024, "?dry_run=true");
        var dryCin = await ImportAsync(client, code, [Returns.Census2024], "", ("dry_run", "true"));

        Assert.True(dry903["dry_run"]!.GetValue<bool>());
        Assert.True(dryCin["dry_run"]!.GetValue<bool>());
        Assert.Equal(counts, await RowCountsAsync(azurite, app));
        AssertSameTables(tables, await TablesAsync(azurite, app));
        Assert.Null(await CaseAsync(client, code, "C200"));

        var real903 = await ImportAsync(client, code, Returns.Ssda903Year2024);
        var realCin = await ImportAsync(client, code, [Returns.Census2024]);
        AssertSummary(real903, cases: 3, created: 2, updated: 1, eventsAdded: 9, alreadyPresent: 1);
        foreach (var (dry, real) in new[] { (dry903, real903), (dryCin, realCin) })
        {
            Assert.False(real["dry_run"]!.GetValue<bool>());
            Assert.True(JsonNode.DeepEquals(dry["summary"], real["summary"]), "the dry run's summary differs from the import's");
            Assert.True(JsonNode.DeepEquals(dry["cases"], real["cases"]), "the dry run's cases differ from the import's");
        }
    }

    internal static async Task<(string Code, HttpClient Client)> AuthorityAsync(TestApp app)
    {
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        return (code, app.Client(key));
    }

    private static async Task RecordAsync(HttpClient client, string code, string caseRef, object e) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}/events", TestApp.Json(e))).StatusCode);

    private static async Task<JsonArray> CasesAsync(HttpClient client, string code, string[] refs)
    {
        var array = new JsonArray();
        foreach (var r in refs)
        {
            array.Add(await CaseAsync(client, code, r));
        }

        return array;
    }

    private static void AssertSummary(JsonObject report, int cases, int created = 0, int updated = 0, int unchanged = 0, int conflicted = 0, int refused = 0, int eventsAdded = 0, int alreadyPresent = 0, int conflicts = 0, int? problems = null)
    {
        var s = report["summary"]!;
        var actual = (s["cases"]!.GetValue<int>(), s["created"]!.GetValue<int>(), s["updated"]!.GetValue<int>(), s["unchanged"]!.GetValue<int>(),
            s["conflicted"]!.GetValue<int>(), s["refused"]!.GetValue<int>(), s["events_added"]!.GetValue<int>(), s["events_already_present"]!.GetValue<int>(), s["conflicts"]!.GetValue<int>());
        Assert.Equal((cases, created, updated, unchanged, conflicted, refused, eventsAdded, alreadyPresent, conflicts), actual);
        if (problems is { } p)
        {
            Assert.Equal(p, s["problems"]!.GetValue<int>());
        }
    }

    private static void AssertSameTables(Dictionary<string, List<Dictionary<string, string>>> before, Dictionary<string, List<Dictionary<string, string>>> after)
    {
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in before)
        {
            Assert.True(rows.Count == after[table].Count, $"{table}: {rows.Count} rows before, {after[table].Count} after");
            var a = rows.Select(Render).Order(StringComparer.Ordinal).ToList();
            var b = after[table].Select(Render).Order(StringComparer.Ordinal).ToList();
            Assert.True(a.SequenceEqual(b), $"{table}: rows changed");
        }

        static string Render(Dictionary<string, string> row) => string.Join("\n", row.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }
}
