using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Application.Demo;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Api;

/// <summary>Role codes are spelt one way everywhere, the documented upper-case codes (docs/rules.md, Roles).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoleCodeTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_documented_codes_are_the_domains_roles() =>
        Assert.Equal(RoleCodes.Documented.Order(StringComparer.Ordinal), RoleCodes.DomainRoles.Order(StringComparer.Ordinal));

    [Fact]
    public async Task Every_json_answer_about_the_croydon_demo_spells_roles_upper_case()
    {
        await using var app = await TestApp.StartAsync(azurite, new LocalDate(2017, 12, 12), new Dictionary<string, string?> { ["Scheduler:SeedDemo"] = "true" });
        using var client = app.Client(DemoSeeder.DemoKey);
        var b = "/api/authorities/croydon";
        JsonObject? authority = null;
        for (var i = 0; i < 100 && authority is null; i++)
        {
            var response = await client.GetAsync(b);
            authority = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject() : null;
            await Task.Delay(authority is null ? 200 : 0);
        }

        Assert.NotNull(authority);
        var seen = 0;
        foreach (var path in new[]
        {
            b, $"{b}/episodes", $"{b}/episodes/sif-2017-20170904", $"{b}/episodes/sif-2017-20170904/calendar", $"{b}/cases/CP-DEMO-001",
            $"{b}/cases/CP-DEMO-001/milestones", $"{b}/cases/LAC-DEMO-002", $"{b}/worklist?days=60", $"{b}/alerts/acknowledgements",
        })
        {
            var answer = await TestApp.ReadAsync(await client.GetAsync(path), HttpStatusCode.OK);
            seen += RoleCodes.AssertUpperCase(answer, path);
        }

        var worklist = await TestApp.ReadAsync(await client.GetAsync($"{b}/worklist?days=60"), HttpStatusCode.OK);
        Assert.NotEmpty(worklist["due"]!.AsArray().Concat(worklist["overdue"]!.AsArray()).SelectMany(i => i!["audience"]!.AsArray()));
        Assert.True(seen > 20, $"only {seen} role codes seen");
    }
}
