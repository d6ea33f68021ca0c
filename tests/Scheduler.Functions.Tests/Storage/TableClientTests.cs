using Azure;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task CreateIfNotExists_twice_creates_once()
    {
        var client = new TableClient(azurite.ConnectionString, azurite.UniqueName("create"));
        Assert.True(await client.CreateIfNotExistsAsync(Ct));
        Assert.False(await client.CreateIfNotExistsAsync(Ct));
        Assert.True(await client.DeleteAsync(Ct));
        Assert.False(await client.DeleteAsync(Ct));
    }

    [Fact]
    public async Task Add_then_duplicate_add_throws_already_exists()
    {
        var table = await azurite.CreateTableAsync("dup", cancellationToken: Ct);
        var entity = new TableEntity("p", "r") { ["Value"] = "first" };
        var response = await table.AddEntityAsync(entity, Ct);
        Assert.NotNull(response.Headers.ETag);

        var duplicate = new TableEntity("p", "r") { ["Value"] = "second" };
        var ex = await Assert.ThrowsAsync<TableEntityAlreadyExistsException>(() => table.AddEntityAsync(duplicate, Ct));
        Assert.Equal(409, ex.Status);
        Assert.Equal("p", ex.PartitionKey);

        var stored = await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct);
        Assert.Equal("first", stored!.GetString("Value"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_absent_properties_and_replace_drops_them()
    {
        var table = await azurite.CreateTableAsync("upsert", cancellationToken: Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Merge, Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Replace, Ct);

        await table.UpsertEntityAsync(new TableEntity("p", "merge") { ["B"] = "b2" }, TableUpdateMode.Merge, Ct);
        await table.UpsertEntityAsync(new TableEntity("p", "replace") { ["B"] = "b2" }, TableUpdateMode.Replace, Ct);

        var merged = (await table.GetEntityAsync("p", "merge", cancellationToken: Ct)).Value;
        var replaced = (await table.GetEntityAsync("p", "replace", cancellationToken: Ct)).Value;
        Assert.Equal("a", merged.GetString("A"));
        Assert.Equal("b2", merged.GetString("B"));
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal("b2", replaced.GetString("B"));
    }

    [Fact]
    public async Task Update_with_current_etag_succeeds_and_stale_etag_throws_concurrency()
    {
        var table = await azurite.CreateTableAsync("etag", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, Ct);
        var read = (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value;
        var staleEtag = read.ETag;

        read["N"] = 2;
        var updated = await table.UpdateEntityAsync(read, read.ETag, TableUpdateMode.Replace, Ct);
        Assert.NotEqual(staleEtag, updated.Headers.ETag!.Value);

        read["N"] = 3;
        var ex = await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(read, staleEtag, TableUpdateMode.Merge, Ct));
        Assert.Equal(412, ex.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value.GetInt32("N"));

        // ETag.All updates whatever version is there.
        read["N"] = 4;
        await table.UpdateEntityAsync(read, ETag.All, TableUpdateMode.Merge, Ct);
        Assert.Equal(4, (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value.GetInt32("N"));

        // Updating an entity that does not exist is a 404, not an insert.
        var missing = await Assert.ThrowsAsync<RequestFailedException>(
            () => table.UpdateEntityAsync(new TableEntity("p", "absent") { ["N"] = 1 }, ETag.All, TableUpdateMode.Merge, Ct));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Two_concurrent_updaters_with_the_same_etag_exactly_one_wins()
    {
        var table = await azurite.CreateTableAsync("race", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "nobody" }, Ct);
        var etag = (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value.ETag;

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Owner"] = $"w{i}" }, etag, TableUpdateMode.Merge, Ct);
                return $"w{i}";
            }
            catch (TableConcurrencyException)
            {
                return null;
            }
        }).ToList();
        var winners = (await Task.WhenAll(attempts)).Where(w => w is not null).ToList();

        Assert.Single(winners);
        Assert.Equal(winners[0], (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value.GetString("Owner"));
    }

    [Fact]
    public async Task Point_read_returns_entity_and_missing_returns_null_or_404()
    {
        var table = await azurite.CreateTableAsync("read", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "x", ["B"] = 7 }, Ct);

        var found = await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct);
        Assert.NotNull(found);
        Assert.Equal("p", found.PartitionKey);
        Assert.Equal("r", found.RowKey);
        Assert.NotNull(found.Timestamp);
        Assert.NotEqual(default, found.ETag);

        var selected = await table.GetEntityIfExistsAsync("p", "r", ["B"], Ct);
        Assert.Equal(7, selected!.GetInt32("B"));
        Assert.False(selected.ContainsKey("A"));

        Assert.Null(await table.GetEntityIfExistsAsync("p", "nope", cancellationToken: Ct));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "nope", cancellationToken: Ct));
        Assert.Equal(404, ex.Status);
    }

    [Fact]
    public async Task Keys_with_quotes_spaces_and_unicode_round_trip()
    {
        var table = await azurite.CreateTableAsync("keys", cancellationToken: Ct);
        const string pk = "O'Neill & Co %20 +plus";
        const string rk = "café – 東京 (1)";
        await table.AddEntityAsync(new TableEntity(pk, rk) { ["V"] = 1 }, Ct);
        var got = await table.GetEntityIfExistsAsync(pk, rk, cancellationToken: Ct);
        Assert.NotNull(got);
        Assert.Equal(pk, got.PartitionKey);
        Assert.Equal(rk, got.RowKey);
        var queried = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {pk} and RowKey eq {rk}"), cancellationToken: Ct).ToListAsync(Ct);
        Assert.Single(queried);
        await table.DeleteEntityAsync(pk, rk, cancellationToken: Ct);
        Assert.Null(await table.GetEntityIfExistsAsync(pk, rk, cancellationToken: Ct));
    }

    [Fact]
    public async Task Delete_with_etag_star_and_missing_entity()
    {
        var table = await azurite.CreateTableAsync("delete", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "a"), Ct);
        await table.AddEntityAsync(new TableEntity("p", "b"), Ct);
        var b = (await table.GetEntityAsync("p", "b", cancellationToken: Ct)).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "b") { ["Changed"] = true }, TableUpdateMode.Merge, Ct);

        Assert.Equal(204, (await table.DeleteEntityAsync("p", "a", cancellationToken: Ct)).Status);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "a", cancellationToken: Ct));
        Assert.Equal(404, (await table.DeleteEntityAsync("p", "a", cancellationToken: Ct)).Status);

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.DeleteEntityAsync("p", "b", b.ETag, Ct));
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "b", cancellationToken: Ct));
        var current = (await table.GetEntityAsync("p", "b", cancellationToken: Ct)).Value;
        await table.DeleteEntityAsync("p", "b", current.ETag, Ct);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "b", cancellationToken: Ct));
    }

    [Fact]
    public async Task Typed_properties_round_trip_with_their_edm_types()
    {
        var table = await azurite.CreateTableAsync("types", cancellationToken: Ct);
        var when = new DateTimeOffset(2025, 3, 31, 23, 59, 58, TimeSpan.FromHours(1)).AddTicks(1234567);
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        byte[] bytes = [0, 1, 2, 250, 255];
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "héllo \"quoted\" \n line",
            ["Int"] = int.MinValue,
            ["Long"] = long.MaxValue,
            ["LongSmall"] = 5L,
            ["True"] = true,
            ["False"] = false,
            ["Double"] = 0.1,
            ["WholeDouble"] = 2.0,
            ["NaN"] = double.NaN,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = bytes,
            ["Empty"] = string.Empty,
        };
        await table.AddEntityAsync(entity, Ct);

        foreach (var got in new[]
        {
            (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value,
            Assert.Single(await table.QueryAsync(cancellationToken: Ct).ToListAsync(Ct)),
        })
        {
            Assert.Equal("héllo \"quoted\" \n line", got["Text"]);
            Assert.Equal(int.MinValue, Assert.IsType<int>(got["Int"]));
            Assert.Equal(long.MaxValue, Assert.IsType<long>(got["Long"]));
            Assert.Equal(5L, Assert.IsType<long>(got["LongSmall"]));
            Assert.True(Assert.IsType<bool>(got["True"]));
            Assert.False(Assert.IsType<bool>(got["False"]));
            Assert.Equal(0.1, Assert.IsType<double>(got["Double"]));
            Assert.Equal(2.0, Assert.IsType<double>(got["WholeDouble"]));
            Assert.True(double.IsNaN(Assert.IsType<double>(got["NaN"])));
            var gotWhen = Assert.IsType<DateTimeOffset>(got["When"]);
            Assert.Equal(when.UtcTicks, gotWhen.UtcTicks);
            Assert.Equal(TimeSpan.Zero, gotWhen.Offset);
            Assert.Equal(id, Assert.IsType<Guid>(got["Id"]));
            Assert.Equal(bytes, Assert.IsType<byte[]>(got["Bytes"]));
            Assert.Equal(string.Empty, got["Empty"]);
        }

        var typed = await table.QueryAsync(TableFilter.Create($"Long eq {long.MaxValue} and Id eq {id} and When eq {when}"), cancellationToken: Ct).ToListAsync(Ct);
        Assert.Single(typed);
    }

    [Fact]
    public async Task Query_over_1200_entities_follows_continuation_tokens()
    {
        var table = await azurite.CreateTableAsync("many", cancellationToken: Ct);
        const int total = 1200;
        for (var start = 0; start < total; start += 100)
        {
            var batch = Enumerable.Range(start, 100)
                .Select(i => new TableTransactionAction(
                    TableTransactionActionType.Add,
                    new TableEntity("bulk", i.ToString("D5")) { ["Index"] = i, ["Even"] = i % 2 == 0 }));
            await table.SubmitTransactionAsync(batch, Ct);
        }

        await table.AddEntityAsync(new TableEntity("other", "x") { ["Index"] = -1 }, Ct);

        var all = await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"bulk"}"), cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total), all.Select(e => e.GetInt32("Index")!.Value).Order());

        var even = await table.QueryAsync(
            TableFilter.Create($"PartitionKey eq {"bulk"} and Even eq {true}"), maxPerPage: 250, select: ["Index"], cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(total / 2, even.Count);
        Assert.All(even, e => Assert.False(e.ContainsKey("Even")));
    }

    [Fact]
    public async Task Transaction_commits_mixed_actions_and_returns_per_action_results()
    {
        var table = await azurite.CreateTableAsync("txok", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1 }, Ct);
        await table.AddEntityAsync(new TableEntity("p", "delete"), Ct);
        var toUpdate = (await table.GetEntityAsync("p", "update", cancellationToken: Ct)).Value;
        toUpdate["V"] = 2;

        var results = await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 10 }),
            new(TableTransactionActionType.UpdateReplace, toUpdate),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert") { ["V"] = 3 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
        ], Ct);

        Assert.Equal(4, results.Count);
        Assert.All(results.Take(3), r => Assert.NotEqual(default, r.ETag));
        Assert.Equal(10, (await table.GetEntityIfExistsAsync("p", "add", cancellationToken: Ct))!.GetInt32("V"));
        Assert.Equal(2, (await table.GetEntityIfExistsAsync("p", "update", cancellationToken: Ct))!.GetInt32("V"));
        Assert.Equal(3, (await table.GetEntityIfExistsAsync("p", "upsert", cancellationToken: Ct))!.GetInt32("V"));
        Assert.Null(await table.GetEntityIfExistsAsync("p", "delete", cancellationToken: Ct));
    }

    [Fact]
    public async Task Transaction_with_one_failing_action_writes_nothing_and_names_the_action()
    {
        var table = await azurite.CreateTableAsync("txfail", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "exists"), Ct);

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new2")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists")),
            new(TableTransactionActionType.Add, new TableEntity("p", "new3")),
        ], Ct));

        Assert.Equal(2, ex.FailedTransactionActionIndex);
        Assert.Equal(409, ex.Status);
        var rows = await table.QueryAsync(cancellationToken: Ct).Select(e => e.RowKey).ToListAsync(Ct);
        Assert.Equal(["exists"], rows);
    }

    [Fact]
    public async Task Transaction_limits_are_enforced_before_sending()
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(azurite.UniqueName("txlimit"));
        var cross = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("a", "1")),
            new(TableTransactionActionType.Add, new TableEntity("b", "1")),
        ], Ct));
        Assert.Contains("PartitionKey", cross.Message);

        var tooMany = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("a", i.ToString())));
        var big = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(tooMany, Ct));
        Assert.Contains("100", big.Message);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\tb")]
    [InlineData("a\u007Fb")]
    public async Task Invalid_keys_are_rejected_with_a_clear_message(string key)
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(azurite.UniqueName("badkey"));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key), Ct));
        Assert.Contains("RowKey", ex.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync(key, "r", cancellationToken: Ct));
    }
}
