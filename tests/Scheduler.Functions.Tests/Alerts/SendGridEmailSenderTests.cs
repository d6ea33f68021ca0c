using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Application.Alerts.Dispatch;
using Scheduler.Infrastructure.Mail;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>
/// The SendGrid adapter (the official client on the app's named HTTP client, wired by the app's composition root)
/// against a local listener that checks the v3 mail/send wire contract.
/// </summary>
public sealed class SendGridEmailSenderTests
{
    private const string ApiKey = "SG.test-key";

    private static Reply Checked(RecordedRequest r, Reply ok)
    {
        var problems = SendGridContract.Violations(r, ApiKey);
        return problems.Count == 0 ? ok : SendGridContract.Refusal(problems);
    }

    private static ServiceProvider Services(Uri baseUrl, string apiKey = ApiKey, TimeSpan? timeout = null) => Samples.Services(new Dictionary<string, string?>
    {
        ["Scheduler:SendGrid:ApiKey"] = apiKey,
        ["Scheduler:SendGrid:BaseUrl"] = baseUrl.AbsoluteUri,
        ["Scheduler:SendGrid:Timeout"] = (timeout ?? TimeSpan.FromSeconds(10)).ToString("c", CultureInfo.InvariantCulture),
    });

    private static async Task<DeliveryOutcome> SendAsync(Uri baseUrl, Domain.Alerts.Composition.EmailMessage email, string apiKey = ApiKey, TimeSpan? timeout = null)
    {
        using var services = Services(baseUrl, apiKey, timeout);
        return await services.GetRequiredService<SendGridEmailSender>().SendAsync(email, CancellationToken.None);
    }

    [Fact]
    public async Task Accepted_202_is_sent_and_the_request_matches_the_contract()
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(202, Headers: new Dictionary<string, string> { ["X-Message-Id"] = "sg-123" })));
        var email = Samples.Email();

        var outcome = await SendAsync(server.BaseAddress, email);

        Assert.Equal(new DeliveryOutcome.Sent("sg-123"), outcome);
        var request = Assert.Single(server.Requests);
        Assert.Empty(SendGridContract.Violations(request, ApiKey));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        // Nothing but the documented fields (no tracking or mail settings the app never asked for).
        Assert.Equal(
            ["content", "custom_args", "from", "headers", "personalizations", "subject"],
            root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var to = Assert.Single(root.GetProperty("personalizations").EnumerateArray()).GetProperty("to");
        Assert.Equal(email.To, Assert.Single(to.EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(email.From, root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(email.Subject, root.GetProperty("subject").GetString());
        Assert.Equal(email.Text, root.GetProperty("content")[0].GetProperty("value").GetString());
        Assert.Equal(email.Html, root.GetProperty("content")[1].GetProperty("value").GetString());
        Assert.Equal(email.IdempotencyKey, root.GetProperty("custom_args").GetProperty("alert_key").GetString());

        // The composer's headers go on (SendGrid writes its own Message-ID).
        var headers = root.GetProperty("headers");
        Assert.Equal("auto-generated", headers.GetProperty("Auto-Submitted").GetString());
        Assert.Equal("Scheduler alerts <alerts.scheduler.example>", headers.GetProperty("List-Id").GetString());
        Assert.Equal("All", headers.GetProperty("X-Auto-Response-Suppress").GetString());
        Assert.Equal(email.IdempotencyKey, headers.GetProperty("X-Scheduler-Digest-Key").GetString());
    }

    [Fact]
    public async Task Throttled_429_with_delta_seconds_is_retry_after()
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(429, """{"errors":[{"message":"too many requests"}]}""", new Dictionary<string, string> { ["Retry-After"] = "120" })));

        var outcome = await SendAsync(server.BaseAddress, Samples.Email());

        Assert.Equal(TimeSpan.FromSeconds(120), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Throttled_429_with_an_http_date_is_retry_after_from_the_clock()
    {
        // The clock says 06:00:00 UTC; the header says 06:01:30 GMT.
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "Thu, 14 Dec 2017 06:01:30 GMT" })));

        var outcome = await SendAsync(server.BaseAddress, Samples.Email());

        Assert.Equal(TimeSpan.FromSeconds(90), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
    }

    [Fact]
    public async Task Throttled_429_without_retry_after_waits_a_minute()
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(429)));

        var outcome = await SendAsync(server.BaseAddress, Samples.Email());

        Assert.Equal(TimeSpan.FromSeconds(60), Assert.IsType<DeliveryOutcome.RetryAfter>(outcome).Delay);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Server_errors_are_transient_and_not_retried_in_process(int status)
    {
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(status, """{"errors":[{"message":"internal"}]}""")));

        var outcome = await SendAsync(server.BaseAddress, Samples.Email());

        Assert.Contains("internal", Assert.IsType<DeliveryOutcome.Transient>(outcome).Reason);
        // Retries wait on the queue, never in the consumer: one request.
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Client_errors_are_permanent_with_sendgrids_messages()
    {
        const string errors = """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null},{"message":"Invalid type.","field":"custom_args"}]}""";
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(403, errors)));

        var outcome = Assert.IsType<DeliveryOutcome.Permanent>(await SendAsync(server.BaseAddress, Samples.Email()));

        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains("The from address does not match a verified Sender Identity.; Invalid type.", outcome.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_request_that_breaks_the_contract_is_refused_by_the_fake()
    {
        // Guards the guard: with the wrong key the fake answers 400, so the contract check can fail.
        await using var server = await WireServer.StartAsync(r => Checked(r, new Reply(202)));

        var outcome = Assert.IsType<DeliveryOutcome.Permanent>(await SendAsync(server.BaseAddress, Samples.Email(), apiKey: "SG.other"));

        Assert.Contains("authorization", outcome.Reason);
    }

    [Fact]
    public async Task A_slow_answer_is_a_transient_timeout()
    {
        await using var server = await WireServer.StartAsync(r => new Reply(202, Delay: TimeSpan.FromSeconds(5)));

        var outcome = await SendAsync(server.BaseAddress, Samples.Email(), timeout: TimeSpan.FromMilliseconds(200));

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

        Assert.IsType<DeliveryOutcome.Transient>(await SendAsync(address, Samples.Email()));
    }
}
