using System.Net;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using NodaTime;
using Scheduler.Application.Authorities;
using Scheduler.Application.Ports;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Infrastructure.Tables;

namespace Scheduler.Functions.Tests.Security;

/// <summary>
/// Authority keys can be listed, labelled, given an expiry and revoked (docs/api.md, Access; docs/operations.md,
/// Rotate keys): a revoked or expired key is refused at once on every instance, every change is audited, and the
/// list never shows a key or its hash.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeyLifecycleTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Today = new(2017, 12, 12);

    [Fact]
    public async Task A_revoked_key_gets_401_at_once_and_the_other_keys_keep_working()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var first = await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var second = await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{code}/keys", null), HttpStatusCode.Created);
        var secondKey = second["key"]!.GetValue<string>();

        using (var client = app.Client(first))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        var firstId = await KeyIdOfAsync(op, code, second["key_id"]!.GetValue<string>(), other: true);
        var revoked = await op.DeleteAsync($"/api/authorities/{code}/keys/{firstId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        using (var client = app.Client(first))
        {
            await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}"), HttpStatusCode.Unauthorized);
        }

        using (var client = app.Client(secondKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        // Revoking twice, or a key of another authority, is a 404: nothing else is deleted.
        await TestApp.ReadAsync(await op.DeleteAsync($"/api/authorities/{code}/keys/{firstId}"), HttpStatusCode.NotFound);
        var other = TestApp.NewAuthority("ot");
        var otherKey = await app.CreateAuthorityAsync(other);
        await TestApp.ReadAsync(await op.DeleteAsync($"/api/authorities/{other}/keys/{second["key_id"]!.GetValue<string>()}"), HttpStatusCode.NotFound);
        using (var client = app.Client(secondKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        // Only the operator lists and revokes keys.
        using (var client = app.Client(secondKey))
        {
            await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}/keys"), HttpStatusCode.Forbidden);
            await TestApp.ReadAsync(await client.DeleteAsync($"/api/authorities/{code}/keys/{second["key_id"]!.GetValue<string>()}"), HttpStatusCode.Forbidden);
        }

        using (var client = app.Client(otherKey))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{other}")).StatusCode);
        }
    }

    [Fact]
    public async Task Revocation_reaches_a_second_instance_sharing_the_storage_at_once()
    {
        await using var one = await TestApp.StartAsync(azurite, Today);
        await using var two = await TestApp.StartAsync(azurite, Today, new Dictionary<string, string?> { ["Scheduler:Storage:TablePrefix"] = one.TablePrefix });
        var code = TestApp.NewAuthority();
        var key = await one.CreateAuthorityAsync(code);
        using var onTwo = two.Client(key);

        // Instance two has served the key (so anything it remembers about it is warm) before instance one revokes it.
        Assert.Equal(HttpStatusCode.OK, (await onTwo.GetAsync($"/api/authorities/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await onTwo.GetAsync($"/api/authorities/{code}/calendar.ics?key={Uri.EscapeDataString(key)}")).StatusCode);
        using var op = one.Operator();
        var list = await TestApp.ReadAsync(await op.GetAsync($"/api/authorities/{code}/keys"), HttpStatusCode.OK);
        var id = Assert.Single(list["keys"]!.AsArray())!["key_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/authorities/{code}/keys/{id}")).StatusCode);

        // docs/api.md: no instance caches keys, so the very next request on the other instance is refused.
        await TestApp.ReadAsync(await onTwo.GetAsync($"/api/authorities/{code}"), HttpStatusCode.Unauthorized);
        using var feed = two.Client();
        await TestApp.ReadAsync(await feed.GetAsync($"/api/authorities/{code}/calendar.ics?key={Uri.EscapeDataString(key)}"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_list_shows_label_created_last_used_day_and_expiry_but_never_the_key_or_its_hash()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var plain = await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var issued = await TestApp.ReadAsync(
            await op.PostAsync($"/api/authorities/{code}/keys", TestApp.Json(new { label = "Outlook feed, programme office", expires = "2018-03-31" })),
            HttpStatusCode.Created);
        var feedKey = issued["key"]!.GetValue<string>();
        Assert.Equal("Outlook feed, programme office", issued["label"]!.GetValue<string>());
        Assert.Equal("2018-03-31", issued["expires"]!.GetValue<string>());

        var before = await ListAsync(op, code);
        var feedRow = before.Single(k => k["key_id"]!.GetValue<string>() == issued["key_id"]!.GetValue<string>());
        Assert.Null(feedRow["last_used_on"]);
        Assert.Equal("Outlook feed, programme office", feedRow["label"]!.GetValue<string>());
        Assert.Equal("2018-03-31", feedRow["expires"]!.GetValue<string>());
        Assert.Equal(issued["created_at"]!.GetValue<string>(), feedRow["created_at"]!.GetValue<string>());
        Assert.Equal("operator", feedRow["created_by"]!.GetValue<string>());

        using (var client = app.Client())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}/calendar.ics?key={Uri.EscapeDataString(feedKey)}")).StatusCode);
        }

        var after = await op.GetAsync($"/api/authorities/{code}/keys");
        var text = await after.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        foreach (var secret in new[] { plain, feedKey, ApiKeyHasher.Hash(plain), ApiKeyHasher.Hash(feedKey) })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        var rows = JsonNode.Parse(text)!["keys"]!.AsArray();
        Assert.Equal(2, rows.Count);
        Assert.Equal("2017-12-12", rows.Single(k => k!["key_id"]!.GetValue<string>() == issued["key_id"]!.GetValue<string>())!["last_used_on"]!.GetValue<string>());
        Assert.All(rows, k => Assert.Equal(
            ["authority", "created_at", "created_by", "expired", "expires", "key_id", "label", "last_used_on"],
            k!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray()));
    }

    [Fact]
    public async Task The_last_used_day_is_written_at_most_once_a_day()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        var tables = app.Service<SchedulerTables>();
        using var client = app.Client(key);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        var firstWrite = (await tables.ApiKeys.GetEntityAsync<TableEntity>(ApiKeyHasher.Hash(key), "key")).Value;
        Assert.Equal("2017-12-12", firstWrite.GetString("LastUsedOn"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        }

        // Same day: the row was not written again (its ETag did not move).
        var sameDay = (await tables.ApiKeys.GetEntityAsync<TableEntity>(ApiKeyHasher.Hash(key), "key")).Value;
        Assert.Equal(firstWrite.ETag, sameDay.ETag);

        app.Clock.MoveTo(Today.PlusDays(1));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        var nextDay = (await tables.ApiKeys.GetEntityAsync<TableEntity>(ApiKeyHasher.Hash(key), "key")).Value;
        Assert.Equal("2017-12-13", nextDay.GetString("LastUsedOn"));
        Assert.NotEqual(firstWrite.ETag, nextDay.ETag);
    }

    [Fact]
    public async Task An_expired_key_gets_401_from_the_day_after_its_expiry()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var issued = await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{code}/keys", TestApp.Json(new { expires = "2017-12-13" })), HttpStatusCode.Created);
        using var client = app.Client(issued["key"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        app.Clock.MoveTo(new LocalDate(2017, 12, 13));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/authorities/{code}")).StatusCode);
        app.Clock.MoveTo(new LocalDate(2017, 12, 14));
        await TestApp.ReadAsync(await client.GetAsync($"/api/authorities/{code}"), HttpStatusCode.Unauthorized);
        var row = (await ListAsync(op, code)).Single(k => k["key_id"]!.GetValue<string>() == issued["key_id"]!.GetValue<string>());
        Assert.True(row["expired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Bad_key_requests_name_the_field_and_write_nothing()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var path = $"/api/authorities/{code}/keys";
        await TestApp.AssertProblemAsync(await op.PostAsync(path, TestApp.Json(new { expires = "2017-12-11" })), HttpStatusCode.BadRequest, "expires");
        await TestApp.AssertProblemAsync(await op.PostAsync(path, TestApp.Json(new { expires = "12/31/2018" })), HttpStatusCode.BadRequest, "expires");
        await TestApp.AssertProblemAsync(await op.PostAsync(path, TestApp.Json(new { label = new string('x', 201) })), HttpStatusCode.BadRequest, "label");
        await TestApp.AssertProblemAsync(await op.PostAsync(path, TestApp.Json(new { lable = "typo" })), HttpStatusCode.BadRequest, "lable");
        await TestApp.AssertProblemAsync(await op.DeleteAsync($"{path}/not%20an%20id"), HttpStatusCode.BadRequest, "keyId");
        await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{TestApp.NewAuthority("no")}/keys", null), HttpStatusCode.NotFound);
        Assert.Single(await ListAsync(op, code));
    }

    [Fact]
    public async Task Issuing_and_revoking_are_audited_without_the_key()
    {
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        var key = await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var id = Assert.Single(await ListAsync(op, code))["key_id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/authorities/{code}/keys/{id}")).StatusCode);

        var audit = new List<Scheduler.Application.Audit.AuditEntry>();
        await foreach (var entry in app.Service<IAuditLog>().ReadMonthAsync(code, app.Clock.GetCurrentInstant(), CancellationToken.None))
        {
            audit.Add(entry);
        }

        var issued = Assert.Single(audit, e => e.Operation == "api-key.issued");
        var revoked = Assert.Single(audit, e => e.Operation == "api-key.revoked");
        Assert.Equal(("api-key", id, "operator"), (revoked.EntityType, revoked.EntityKey, revoked.Actor));
        Assert.Equal(id, issued.EntityKey);
        Assert.NotNull(revoked.Before);
        Assert.Null(revoked.After);
        Assert.All(audit, e => Assert.DoesNotContain(key, (e.Before ?? string.Empty) + (e.After ?? string.Empty), StringComparison.Ordinal));
        Assert.All(audit, e => Assert.DoesNotContain(ApiKeyHasher.Hash(key), (e.Before ?? string.Empty) + (e.After ?? string.Empty), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_rotation_steps_of_the_operations_guide_work_for_a_feed_key()
    {
        // docs/operations.md, Rotate keys: issue a new key, switch the integration (here the calendar subscription),
        // then DELETE the old key.
        await using var app = await TestApp.StartAsync(azurite, Today);
        var code = TestApp.NewAuthority();
        await app.CreateAuthorityAsync(code);
        using var op = app.Operator();
        var old = await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{code}/keys", TestApp.Json(new { label = "feed" })), HttpStatusCode.Created);
        var replacement = await TestApp.ReadAsync(await op.PostAsync($"/api/authorities/{code}/keys", TestApp.Json(new { label = "feed (rotated)" })), HttpStatusCode.Created);
        using var calendar = app.Client();
        string Feed(JsonObject k) => $"/api/authorities/{code}/calendar.ics?key={Uri.EscapeDataString(k["key"]!.GetValue<string>())}";

        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(Feed(old))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(Feed(replacement))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await op.DeleteAsync($"/api/authorities/{code}/keys/{old["key_id"]!.GetValue<string>()}")).StatusCode);
        await TestApp.ReadAsync(await calendar.GetAsync(Feed(old)), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await calendar.GetAsync(Feed(replacement))).StatusCode);
    }

    private static async Task<List<JsonObject>> ListAsync(HttpClient op, string code) =>
        [.. (await TestApp.ReadAsync(await op.GetAsync($"/api/authorities/{code}/keys"), HttpStatusCode.OK))["keys"]!.AsArray().Select(k => k!.AsObject())];

    private static async Task<string> KeyIdOfAsync(HttpClient op, string code, string knownId, bool other)
    {
        var keys = await ListAsync(op, code);
        Assert.Equal(2, keys.Count);
        return keys.Select(k => k["key_id"]!.GetValue<string>()).Single(id => other ? id != knownId : id == knownId);
    }
}
