using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using Scheduler.Application.Errors;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Triggers;
using Scheduler.Infrastructure;
using Scheduler.Infrastructure.Queues;

namespace Scheduler.Functions.Tests.Host;

/// <summary>
/// How a queue function ends under the platform (ported from the custom handler's poison forwarding): a refusal that
/// can never succeed goes to <c>&lt;queue&gt;-poison</c> at once with its reason and the invocation succeeds; anything
/// else, including a poison queue that cannot be reached, fails the invocation, so the platform redelivers and nothing is lost.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueRefusalTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Queue = "refusal-tests";
    private static readonly Instant Now = Instant.FromUtc(2017, 12, 12, 6, 0);

    public async Task InitializeAsync() => await azurite.EmptyQueueAsync(Scheduler.Application.QueueNames.Poison(Queue));

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_permanent_refusal_is_poisoned_with_its_reason_and_the_invocation_succeeds()
    {
        var refusal = Refusal(azurite.CreateQueueServiceClient());

        await refusal.RunAsync(Queue, Message("""{"eventId":"e-1"}""", dequeueCount: 1), (_, _) => throw new ValidationException("event.date", "is not a date"), default);

        var poisoned = Assert.Single(await azurite.CreateQueueClient(Scheduler.Application.QueueNames.Poison(Queue)).PeekWhenAnyAsync());
        var envelope = JsonNode.Parse(poisoned.MessageText)!;
        Assert.Equal("event.date: is not a date", envelope["reason"]!.GetValue<string>());
        Assert.Equal(1, envelope["dequeueCount"]!.GetValue<int>());
        Assert.Equal("m-42", envelope["messageId"]!.GetValue<string>());
        Assert.Equal(Queue, envelope["queueName"]!.GetValue<string>());
        Assert.Equal("e-1", envelope["originalMessage"]!["eventId"]!.GetValue<string>());
        Assert.Equal("2017-12-12T06:00:00Z", envelope["failedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_transient_failure_fails_the_invocation_and_poisons_nothing()
    {
        var refusal = Refusal(azurite.CreateQueueServiceClient());
        var failure = new TimeoutException("table service timed out");

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => refusal.RunAsync(Queue, Message("{}", dequeueCount: 4), (_, _) => throw failure, default));

        Assert.Same(failure, thrown);
        Assert.Equal(0, await azurite.CreateQueueClient(Scheduler.Application.QueueNames.Poison(Queue)).CountAsync());
    }

    [Fact]
    public async Task When_the_poison_queue_cannot_be_reached_the_invocation_fails_so_the_message_stays()
    {
        // A queue service on a port nobody listens on, without retries: sending the poison envelope fails.
        var options = new QueueClientOptions(InfrastructureServiceCollectionExtensions.QueueServiceVersion) { MessageEncoding = QueueMessageEncoding.Base64 };
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var unreachable = new QueueServiceClient(azurite.ConnectionString.Replace($":{azurite.QueuePort}/", ":1/", StringComparison.Ordinal), options);
        var refusal = Refusal(unreachable);

        await Assert.ThrowsAnyAsync<Exception>(() => refusal.RunAsync(Queue, Message("{}", dequeueCount: 1), (_, _) => throw new ValidationException("eventId", "is required"), default));
        Assert.Equal(0, await azurite.CreateQueueClient(Scheduler.Application.QueueNames.Poison(Queue)).CountAsync());
    }

    private static QueueRefusal Refusal(QueueServiceClient queues) =>
        new(new StoragePoisonQueue(queues, NullLogger<StoragePoisonQueue>.Instance), new FakeClock(Now));

    private static QueueMessage Message(string body, long dequeueCount) =>
        QueuesModelFactory.QueueMessage("m-42", "receipt", BinaryData.FromString(body), dequeueCount);
}
