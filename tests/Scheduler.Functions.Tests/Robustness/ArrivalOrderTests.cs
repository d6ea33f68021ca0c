using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Scheduler.Functions.Tests.Api;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Robustness;

/// <summary>
/// Order does not matter (docs/rules.md, "Events in any order"): the same twenty child protection events in fifty
/// random arrival orders, over the HTTP API and over the real <c>case-events</c> queue and the
/// <see cref="CaseEvents"/> function, give the same case (its JSON without ids, times and versions, its events as
/// a set), the same milestones and the same due-index rows as the events sent in date order.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ArrivalOrderTests(AzuriteFixture azurite)
{
    private const int Orders = 50;

    private static readonly LocalDate Today = new(2018, 4, 3);

    private readonly CaseEventsQueue _queue = new(azurite);

    /// <summary>Fifty shuffles of the event indices (a fixed seed, so a failure can be reproduced), after the date order itself.</summary>
    private static List<int[]> ArrivalOrders()
    {
        var random = new Random(13);
        var orders = new List<int[]> { Enumerable.Range(0, Envelopes.ChildProtection.Count).ToArray() };
        while (orders.Count <= Orders)
        {
            var order = Enumerable.Range(0, Envelopes.ChildProtection.Count).ToArray();
            random.Shuffle(order);
            orders.Add(order);
        }

        return orders;
    }

    /// <summary>What must not depend on arrival order: the case without its reference, ids, times and versions, events as a sorted set.</summary>
    private static string CaseShape(JsonObject read)
    {
        var copy = read.DeepClone().AsObject();
        foreach (var name in new[] { "case_ref", "version", "created_at", "updated_at" })
        {
            copy.Remove(name);
        }

        var events = copy["events"]!.AsArray().Select(e => e!["event"]!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
        copy["events"] = new JsonArray([.. events.Select(e => JsonValue.Create(e))]);
        return copy.ToJsonString();
    }

    /// <summary>The due-index rows of one case, without the case's reference and version.</summary>
    private async Task<string> IndexShapeAsync(TestApp app, string caseRef)
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(app.TablePrefix + TableNames.DueIndex);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.GetString("SubjectId") == caseRef))
        {
            rows.Add(string.Join("|", row
                .Where(p => p.Key is not ("RowKey" or "SubjectId" or "SubjectVersion" or "Timestamp" or "odata.etag"))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={p.Value}")));
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join("\n", rows);
    }

    private async Task AssertSameAsync(TestApp app, HttpClient client, string code, IReadOnlyList<string> caseRefs)
    {
        var reference = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/{caseRefs[0]}"), HttpStatusCode.OK);
        Assert.Equal(20, reference["events"]!.AsArray().Count);
        Assert.NotEmpty(reference["milestones"]!.AsArray());
        var expectedCase = CaseShape(reference);
        var expectedMilestones = (await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/{caseRefs[0]}/milestones"), HttpStatusCode.OK)).ToJsonString();
        var expectedIndex = await IndexShapeAsync(app, caseRefs[0]);
        Assert.NotEmpty(expectedIndex);
        foreach (var caseRef in caseRefs.Skip(1))
        {
            var read = await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/{caseRef}"), HttpStatusCode.OK);
            Assert.Equal(21, read["version"]!.GetValue<long>());
            Assert.Equal(expectedCase, CaseShape(read));
            Assert.Equal(expectedMilestones, (await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/cases/{caseRef}/milestones"), HttpStatusCode.OK)).ToJsonString());
            Assert.Equal(expectedIndex, await IndexShapeAsync(app, caseRef));
        }
    }

    private static async Task<(HttpClient Client, List<string> CaseRefs)> CasesAsync(TestApp app, string code, string prefix)
    {
        var client = app.Client(await app.CreateAuthorityAsync(code));
        var caseRefs = Enumerable.Range(0, Orders + 1).Select(i => $"{prefix}-{i:D2}").ToList();
        foreach (var caseRef in caseRefs)
        {
            await TestApp.ReadAsync(await client.PostAsync($"/api/authorities/{code}/cases/{caseRef}", TestApp.Json(new { type = "CP" })), HttpStatusCode.Created);
        }

        return (client, caseRefs);
    }

    [Fact]
    public async Task Twenty_events_in_fifty_arrival_orders_over_the_api_give_the_same_case()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var (client, caseRefs) = await CasesAsync(app, code, "CP-API");
        using (client)
        {
            var orders = ArrivalOrders();
            await Parallel.ForEachAsync(Enumerable.Range(0, caseRefs.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (c, ct) =>
            {
                foreach (var i in orders[c])
                {
                    var response = await client.PostAsync($"/api/authorities/{code}/cases/{caseRefs[c]}/events", TestApp.Json(Envelopes.ChildProtection[i]), ct);
                    Assert.True(response.StatusCode == HttpStatusCode.Created, $"{caseRefs[c]} event {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            });

            await AssertSameAsync(app, client, code, caseRefs);
        }
    }

    [Fact]
    public async Task Twenty_events_in_fifty_arrival_orders_over_the_queue_give_the_same_case()
    {
        await _queue.DrainAsync();
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var (client, caseRefs) = await CasesAsync(app, code, "CP-QUE");
        using (client)
        {
            var orders = ArrivalOrders();
            var function = ActivatorUtilities.CreateInstance<CaseEvents>(app.Services);

            // Round k puts each case's k-th event on the queue; a round is consumed before the next is sent, so each
            // case's events arrive in its own order while the cases' messages interleave as they would in production.
            for (var k = 0; k < Envelopes.ChildProtection.Count; k++)
            {
                for (var c = 0; c < caseRefs.Count; c++)
                {
                    var i = orders[c][k];
                    await _queue.Queue.SendMessageAsync(Envelopes.For($"{caseRefs[c]}-e{i:D2}", code, "case", caseRefs[c], Envelopes.ChildProtection[i]));
                }

                var handled = 0;
                while (handled < caseRefs.Count)
                {
                    var batch = (await _queue.Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2))).Value;
                    await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (message, ct) =>
                    {
                        await function.RunAsync(message, ct);
                        await _queue.CompleteAsync(message);
                    });
                    handled += batch.Length;
                }
            }

            var poisoned = await _queue.PoisonedAsync();
            Assert.True(poisoned.Count == 0, string.Join("\n", poisoned.Select(p => p["reason"]!.GetValue<string>())));
            Assert.Equal(0, await _queue.CountAsync());
            await AssertSameAsync(app, client, code, caseRefs);
        }
    }
}
