using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary><c>GET /api/authorities/{code}/cases</c>: paged with an opaque continuation, filtered by type and assignee (docs/api.md, Routes).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseListTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Pages_follow_the_continuation_until_every_case_is_listed_once()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        var expected = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            var caseRef = $"CP-L-{i:D3}";
            expected.Add(caseRef);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}", TestApp.Json(new { type = "CP" }))).StatusCode);
        }

        for (var i = 1; i <= 2; i++)
        {
            var caseRef = $"LAC-L-{i:D3}";
            expected.Add(caseRef);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}", TestApp.Json(new { type = "LAC", assignees = new { IRO = "iro.one@la.example" } }))).StatusCode);
        }

        var seen = new List<string>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var url = $"/api/authorities/{code}/cases?limit=4" + (continuation is null ? string.Empty : "&continuation=" + Uri.EscapeDataString(continuation));
            var page = await TestApp.ReadAsync(await client.GetAsync(url), HttpStatusCode.OK);
            var cases = page["cases"]!.AsArray();
            Assert.True(cases.Count <= 4, page.ToJsonString());
            seen.AddRange(cases.Select(c => c!["case_ref"]!.GetValue<string>()));
            continuation = page["continuation"]?.GetValue<string>();
            pages++;
        }
        while (continuation is not null && pages < 10);

        Assert.Equal(expected.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.True(pages >= 3, $"9 cases in pages of 4 took {pages} pages");

        // The default page holds all nine; a page lists case references with type, assignees and version only.
        var all = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases"), HttpStatusCode.OK);
        Assert.Equal(9, all["cases"]!.AsArray().Count);
        Assert.Null(all["continuation"]);
        var lac = all["cases"]!.AsArray().Select(c => c!.AsObject()).Single(c => c["case_ref"]!.GetValue<string>() == "LAC-L-001");
        Assert.Equal("LAC", lac["type"]!.GetValue<string>());
        Assert.Equal("iro.one@la.example", lac["assignees"]!["IRO"]!.GetValue<string>());
        Assert.Equal(1, lac["version"]!.GetValue<long>());
        Assert.False(lac.ContainsKey("milestones"));
    }

    [Fact]
    public async Task Type_and_assignee_filters_narrow_the_list()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await client.PostAsync($"/api/authorities/{code}/cases/CP-F-1", TestApp.Json(new { type = "CP", assignees = new { CPC = "chair@la.example" } }));
        await client.PostAsync($"/api/authorities/{code}/cases/CP-F-2", TestApp.Json(new { type = "CP" }));
        await client.PostAsync($"/api/authorities/{code}/cases/LAC-F-1", TestApp.Json(new { type = "LAC", assignees = new { IRO = "Chair@LA.example" } }));

        static List<string> Refs(JsonObject page) => [.. page["cases"]!.AsArray().Select(c => c!["case_ref"]!.GetValue<string>()).Order(StringComparer.Ordinal)];

        Assert.Equal(["CP-F-1", "CP-F-2"], Refs(await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases?type=CP"), HttpStatusCode.OK)));
        Assert.Equal(["LAC-F-1"], Refs(await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases?type=lac"), HttpStatusCode.OK)));
        Assert.Equal(["CP-F-1", "LAC-F-1"], Refs(await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases?assignee=chair%40la.example"), HttpStatusCode.OK)));
        Assert.Equal(["CP-F-1"], Refs(await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases?type=CP&assignee=chair%40la.example"), HttpStatusCode.OK)));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("type=XX", "type")]
    [InlineData("assignee=not-an-email", "assignee")]
    [InlineData("continuation=not%20a%20token", "continuation")]
    [InlineData("continuation=eyJhIjoib3RoZXIiLCJ0Ijoid2hhdGV2ZXIifQ", "continuation")]
    public async Task Bad_paging_or_filters_name_the_parameter(string query, string field)
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12));
        var code = TestApp.NewAuthority();
        using var client = app.Client(await app.CreateAuthorityAsync(code));
        await TestApp.AssertProblemAsync(await client.GetAsync($"/api/authorities/{code}/cases?{query}"), HttpStatusCode.BadRequest, field);
    }
}
