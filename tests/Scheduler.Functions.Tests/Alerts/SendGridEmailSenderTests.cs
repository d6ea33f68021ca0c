using System.Text.Json;
using Scheduler.Functions.Alerts;

using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The SendGrid adapter against a local listener that checks the v3 mail/send wire contract.</summary>
public sealed class SendGridEmailSenderTests
{
    private const string ApiKey = "SG.test-key";

    /// <summary>The documented contract; any violation is answered the way SendGrid would (400 with errors[]).</summary>
    private static List<string> Violations(RecordedRequest r)
    {
        var problems = new List<string>();
        if (r.Method != "POST")
        {
            problems.Add($"method {r.Method}");
        }

        if (r.Path != "/v3/mail/send")
        {
            problems.Add($"path {r.Path}");
        }

        if (r.Header("Authorization") != $"Bearer {ApiKey}")
        {
            problems.Add("authorization");
        }

        if (r.Header("Content-Type") != "application/json")
        {
            problems.Add($"content type {r.Header("Content-Type")}");
        }

        try
        {
            using var json = JsonDocument.Parse(r.Body);
            var root = json.RootElement;
            if (root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString() is null
                || root.GetProperty("from").GetProperty("email").GetString() is null
                || root.GetProperty("subject").GetString() is null
                || root.GetProperty("custom_args").GetProperty("alert_key").ValueKind != JsonValueKind.String)
            {
                problems.Add("body shape");
            }

            var types = root.GetProperty("content").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ToList();
            if (!types.SequenceEqual(["text/plain", "text/html"]))
            {
                problems.Add("content order " + string.Join(",", types));
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            problems.Add("body shape: " + ex.Message);
        }

        return problems;
    }

    private static Reply Checked(RecordedRequest r, Reply ok)
    {
        var problems = Violations(r);
        return problems.Count == 0
            ? ok
            : new Reply(400, JsonSerializer.Serialize(new { errors = problems.Select(p => new { message = p }) }));
    }

    private static SendGridEmailSender Sender(WireServer server, TimeSpan? timeout = null) => new(
        new HttpClient(),
        new SendGridOptions { ApiKey = ApiKey, BaseUrl = server.BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(10) },
        new FixedClock(Samples.Now),
        Samples.Log<SendGridEmailSender>());

    [Fact]
    public async Task Accepted_202_is_sent_and_the_request_matches_the_contract()
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "sg-123" })));
        var email = Samples.Email();

        var outcome = await Sender(server).SendAsync(email, CancellationToken.None);

        Assert.Equal(new DeliveryOutcome.Sent("sg-123"), outcome);
        var request = Assert.Single(server.Requests);
        Assert.Empty(Violations(request));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(["personalizations", "from", "subject", "content", "custom_args"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(email.To, root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal(1, root.GetProperty("personalizations")[0].GetProperty("to").GetArrayLength());
        Assert.Equal(email.From, root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(email.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(email.Text, root.GetProperty("content")[0].GetProperty("value").GetString());
        Assert.Equal(email.Html, root.GetProperty("content")[1].GetProperty("value").GetString());
        Assert.Equal(email.IdempotencyKey, root.GetProperty("custom_args").GetProperty("alert_key").GetString());
    }

    [Fact]
    public async Task Throttled_429_with_delta_seconds_is_retry_after()
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(429, """{"errors":[{"message":"too many requests"}]}""", new Dictionary<string, string> { ["Retry-After"] = "120" })));

        var outcome = await Sender(server).SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(120), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
    }

    [Fact]
    public async Task Throttled_429_with_an_http_date_is_retry_after_from_the_clock()
    {
        // The clock says 06:00:00 UTC; the header says 06:01:30 GMT.
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "Thu, 14 Dec 2017 06:01:30 GMT" })));

        var outcome = await Sender(server).SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_transient(int status)
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(status, """{"errors":[{"message":"internal"}]}""")));

        var outcome = await Sender(server).SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Contains("internal", Assert.IsType<DeliveryOutcome.Transient>(outcome).Reason);
    }

    [Fact]
    public async Task Client_errors_are_permanent_with_sendgrids_messages()
    {
        const string errors = """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null},{"message":"Invalid type.","field":"custom_args"}]}""";
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(403, errors)));

        var outcome = Assert.IsType<DeliveryOutcome.Permanent>(await Sender(server).SendAsync(Samples.Email(), CancellationToken.None));

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("The from address does not match a verified Sender Identity.; Invalid type.", outcome.Reason);
    }

    [Fact]
    public async Task A_request_that_breaks_the_contract_is_refused_by_the_fake()
    {
        // Guards the guard: with the wrong key the fake answers 400, so the contract check can fail.
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(202)));
        var sender = new SendGridEmailSender(
            new HttpClient(),
            new SendGridOptions { ApiKey = "SG.other", BaseUrl = server.BaseAddress },
            new FixedClock(Samples.Now),
            Samples.Log<SendGridEmailSender>());

        var outcome = Assert.IsType<DeliveryOutcome.Permanent>(await sender.SendAsync(Samples.Email(), CancellationToken.None));

        Assert.Contains("authorization", outcome.Reason);
    }

    [Fact]
    public async Task A_slow_answer_is_a_transient_timeout()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(202, Delay: TimeSpan.FromSeconds(5)));

        var outcome = await Sender(server, TimeSpan.FromMilliseconds(200)).SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Contains("did not answer", Assert.IsType<DeliveryOutcome.Transient>(outcome).Reason);
    }

    [Fact]
    public async Task Nothing_listening_is_transient()
    {
        Uri address;
        await using (var server = await WireServer.StartAsync(r => new Reply(202)))
        {
            address = server.BaseAddress;
        }

        var sender = new SendGridEmailSender(new HttpClient(), new SendGridOptions { ApiKey = ApiKey, BaseUrl = address }, new FixedClock(Samples.Now), Samples.Log<SendGridEmailSender>());

        Assert.IsType<DeliveryOutcome.Transient>(await sender.SendAsync(Samples.Email(), CancellationToken.None));
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_backoff_then_sent()
    {
        var replies = new Queue<Reply>([new Reply(500), new Reply(503), new Reply(202)]);
        await using var server = await WireServer.StartAsync(r => Checked(r, replies.Dequeue()));
        var waits = new List<TimeSpan>();
        var retrying = new RetryingEmailSender(Sender(server), new DeliveryRetry(maxAttempts: 3, baseDelay: TimeSpan.FromSeconds(1), delay: (d, _) =>
        {
            waits.Add(d);
            return Task.CompletedTask;
        }));

        var outcome = await retrying.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.True(outcome.IsSent);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task Permanent_failures_are_not_retried()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(400, """{"errors":[{"message":"bad"}]}"""));
        var retrying = new RetryingEmailSender(Sender(server), new DeliveryRetry(delay: (_, _) => Task.CompletedTask));

        Assert.IsType<DeliveryOutcome.Permanent>(await retrying.SendAsync(Samples.Email(), CancellationToken.None));
        Assert.Single(server.Requests);
    }
}
