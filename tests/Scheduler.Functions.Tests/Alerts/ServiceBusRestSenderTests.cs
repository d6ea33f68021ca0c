using System.Text.Json;
using Azure.Identity;
using Scheduler.Functions.Alerts;

using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The Service Bus REST sender against a local listener that checks the "Send Message" wire contract.</summary>
public sealed class ServiceBusRestSenderTests
{
    private const string Token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.fake";

    private static ServiceBusRestSender Sender(WireServer server, FixedTokenCredential credential) => new(
        new HttpClient(),
        new ServiceBusOptions { FullyQualifiedNamespace = "sb-sched-test.servicebus.windows.net", Endpoint = server.BaseAddress },
        credential,
        new FixedClock(Samples.Now),
        Samples.Log<ServiceBusRestSender>());

    private static readonly OutgoingMessage Message = new(
        "episode.CRO.ep-2017-09.action_plan_submission.1.20171211.escalated-0.CEX",
        """{"key":"episode.CRO.ep-2017-09.action_plan_submission.1.20171211.escalated-0.CEX","level":"escalated"}""");

    [Fact]
    public async Task Created_201_is_sent_and_the_request_matches_the_contract()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(201));
        var credential = new FixedTokenCredential(Token);
        using var sender = Sender(server, credential);

        var first = await sender.SendAsync("alert-dispatch", Message, CancellationToken.None);
        var second = await sender.SendAsync("alert-dispatch", Message with { MessageId = "other" }, CancellationToken.None);

        Assert.True(first.IsSent);
        Assert.True(second.IsSent);
        var request = server.Requests.First();
        Assert.Equal("POST", request.Method);
        Assert.Equal("/alert-dispatch/messages", request.Path);
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        using var broker = JsonDocument.Parse(request.Header("BrokerProperties")!);
        Assert.Equal(Message.MessageId, broker.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal(Message.Body, request.Body);

        // One token for both sends, for the Service Bus data-plane scope.
        var scopes = Assert.Single(credential.Requests);
        Assert.Equal(["https://servicebus.azure.net/.default"], scopes);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task Client_errors_are_permanent(int status)
    {
        await using var server = await WireServer.StartAsync(r => new Reply(status, "<Error><Detail>nope</Detail></Error>"));
        using var sender = Sender(server, new FixedTokenCredential(Token));

        var outcome = Assert.IsType<DeliveryOutcome.Permanent>(await sender.SendAsync("alert-dispatch", Message, CancellationToken.None));

        Assert.Equal(status, outcome.StatusCode);
        Assert.Contains("nope", outcome.Reason);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Server_errors_are_transient(int status)
    {
        await using var server = await WireServer.StartAsync(r => new Reply(status));
        using var sender = Sender(server, new FixedTokenCredential(Token));

        Assert.IsType<DeliveryOutcome.Transient>(await sender.SendAsync("alert-dispatch", Message, CancellationToken.None));
    }

    [Fact]
    public async Task Throttling_429_is_retry_after()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "7" }));
        using var sender = Sender(server, new FixedTokenCredential(Token));

        var outcome = await sender.SendAsync("alert-dispatch", Message, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
    }

    [Fact]
    public async Task A_failed_token_request_is_transient_and_sends_nothing()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(201));
        using var sender = Sender(server, new FixedTokenCredential(Token, new AuthenticationFailedException("IMDS unavailable")));

        var outcome = await sender.SendAsync("alert-dispatch", Message, CancellationToken.None);

        Assert.Contains("IMDS unavailable", Assert.IsType<DeliveryOutcome.Transient>(outcome).Reason);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Retrying_sender_resends_the_same_message_id_after_a_transient_failure()
    {
        var replies = new Queue<Reply>([new Reply(503), new Reply(201)]);
        await using var server = await WireServer.StartAsync(r => replies.Dequeue());
        using var inner = Sender(server, new FixedTokenCredential(Token));
        var sender = new RetryingMessageSender(inner, new DeliveryRetry(delay: (_, _) => Task.CompletedTask));

        Assert.True((await sender.SendAsync("alert-dispatch", Message, CancellationToken.None)).IsSent);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Contains(Message.MessageId, r.Header("BrokerProperties")));
    }
}
