using Azure;
using Azure.Core;
using Scheduler.Functions.Storage;
using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class PipelineBehaviourTests(AzuriteFixture azurite)
{
    private const string EntityJson = """{"odata.etag":"W/\"datetime'2025-01-01T00%3A00%3A00Z'\"","PartitionKey":"p","RowKey":"r","V":1}""";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private CancellationToken Ct => _timeout.Token;

    [Fact]
    public async Task Request_after_six_seconds_idle_succeeds()
    {
        // Azurite drops idle keep-alive sockets after 5 s; a pool that kept them would fail the next request.
        var counter = new CountingPolicy();
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0; // A stale-socket failure must surface, not be hidden by a retry.
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = await azurite.CreateTableAsync("idle", options, Ct);
        var queue = await azurite.CreateQueueAsync("idle", cancellationToken: Ct);
        await table.AddEntityAsync(new TableEntity("p", "r"), Ct);
        await queue.SendMessageAsync("m", cancellationToken: Ct);

        await Task.Delay(TimeSpan.FromSeconds(6), Ct);

        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct));
        Assert.Equal(1, await queue.GetApproximateMessageCountAsync(Ct));
        Assert.Equal(3, counter.Count);
    }

    [Fact]
    public async Task No_retry_on_404_409_or_412()
    {
        var counter = new CountingPolicy();
        var options = new StorageClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = await azurite.CreateTableAsync("noretry", options, Ct);
        await table.AddEntityAsync(new TableEntity("p", "r"), Ct);
        var stale = (await table.GetEntityAsync("p", "r", cancellationToken: Ct)).Value.ETag;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["X"] = 1 }, TableUpdateMode.Merge, Ct);

        counter.Reset();
        Assert.Null(await table.GetEntityIfExistsAsync("p", "missing", cancellationToken: Ct));
        Assert.Equal(1, counter.Count);

        counter.Reset();
        await Assert.ThrowsAsync<TableEntityAlreadyExistsException>(() => table.AddEntityAsync(new TableEntity("p", "r"), Ct));
        Assert.Equal(1, counter.Count);

        counter.Reset();
        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), stale, TableUpdateMode.Merge, Ct));
        Assert.Equal(1, counter.Count);

        counter.Reset();
        var queue = azurite.CreateQueueClient(azurite.UniqueName("noretry"), QueueOptions(counter));
        await Assert.ThrowsAsync<RequestFailedException>(() => queue.PeekMessagesAsync(cancellationToken: Ct));
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Retries_503_then_succeeds()
    {
        using var server = new ScriptedHttpServer((503, "{}"), (200, EntityJson));
        var counter = new CountingPolicy();
        var table = ScriptedTable(server, counter, maxRetries: 3);

        var entity = await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct);

        Assert.Equal(1, entity!.GetInt32("V"));
        Assert.Equal(2, counter.Count);
        Assert.Equal(2, server.RequestsSeen.Count);
        Assert.All(server.RequestsSeen, r => Assert.EndsWith("auth=SharedKeyLite", r));
    }

    [Fact]
    public async Task Retries_408_and_500_but_gives_up_after_max_retries()
    {
        using var server = new ScriptedHttpServer((408, "{}"), (500, "{}"));
        var counter = new CountingPolicy();
        var table = ScriptedTable(server, counter, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct));

        Assert.Equal(500, ex.Status);
        Assert.Equal(3, counter.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(429)]
    [InlineData(501)]
    public async Task Does_not_retry_other_client_errors(int status)
    {
        using var server = new ScriptedHttpServer((status, "{}"), (200, EntityJson));
        var counter = new CountingPolicy();
        var table = ScriptedTable(server, counter, maxRetries: 3);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct));

        Assert.Equal(status, ex.Status);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Retries_transport_failures()
    {
        using var server = new ScriptedHttpServer((200, "{}"));
        var endpoint = server.Endpoint;
        server.Dispose(); // Nothing listens on the port any more: connection refused.
        var counter = new CountingPolicy();
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var table = new TableClient(Connection(endpoint), "anytable", options);

        // Azure.Core reports exhausted retries of transport failures as an AggregateException of the attempts.
        var ex = await Assert.ThrowsAsync<AggregateException>(() => table.GetEntityIfExistsAsync("p", "r", cancellationToken: Ct));

        Assert.Equal(3, ex.InnerExceptions.Count);
        Assert.All(ex.InnerExceptions, e => Assert.Equal(0, Assert.IsType<RequestFailedException>(e).Status));
        Assert.Equal(3, counter.Count);
    }

    private static StorageConnection Connection(Uri endpoint) => StorageConnection.Parse(
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={StorageConnection.DevelopmentAccountKey};TableEndpoint={endpoint};QueueEndpoint={endpoint}");

    private static TableClient ScriptedTable(ScriptedHttpServer server, CountingPolicy counter, int maxRetries)
    {
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.Mode = RetryMode.Fixed;
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return new TableClient(Connection(server.Endpoint), "anytable", options);
    }

    private static QueueClientOptions QueueOptions(CountingPolicy counter)
    {
        var options = new QueueClientOptions();
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }
}
