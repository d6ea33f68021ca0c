using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Alerts;

using Scheduler.Functions.Tests.Infrastructure;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The local outbox: RFC 5322 .eml files parsed back independently of the writer.</summary>
public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scheduler-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private OutboxEmailSender Sender() =>
        new(new OutboxOptions { Directory = _folder }, new FixedClock(Samples.Now), Samples.Log<OutboxEmailSender>());

    private static EmailMessage Composed()
    {
        var milestone = new Milestone
        {
            Rule = "action_plan_submission",
            Sequence = 1,
            Title = "Written statement of action",
            Group = RuleGroup.OfstedPostInspection,
            Due = new LocalDate(2017, 12, 11),
            Effective = new LocalDate(2017, 12, 11),
            Status = MilestoneStatus.Overdue,
            Audience = [Role.PO, Role.DCS],
            Source = "Ofsted handbook",
        };
        var alerts = new EscalationEvaluator(EscalationPolicy.Default, WorkingDayCalendar.EnglandAndWales)
            .Evaluate(AlertSubject.Episode("CRO", "ep-2017-09"), milestone, new LocalDate(2017, 12, 14), new LocalDate(2017, 12, 13));
        return DigestComposer.Compose(new DigestRequest(
            "po@croydon.example", "alerts@scheduler.example", new LocalDate(2017, 12, 14),
            [.. alerts.Where(a => a.RecipientRole == Role.PO).Select(a => new DigestItem(a, "http://127.0.0.1:7071/a/test-token"))],
            new Dictionary<string, string> { ["CRO"] = "Croydon" }));
    }

    [Fact]
    public async Task Writes_an_rfc5322_multipart_message_that_parses_back()
    {
        var email = Composed();

        var outcome = await Sender().SendAsync(email, CancellationToken.None);

        Assert.True(outcome.IsSent);
        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Equal(email.IdempotencyKey + ".eml", Path.GetFileName(file));
        var eml = await File.ReadAllTextAsync(file);

        // CRLF everywhere, and no line longer than RFC 5322's recommended 78 characters.
        Assert.DoesNotMatch(new Regex("(?<!\r)\n"), eml);
        Assert.All(eml.Split("\r\n"), line => Assert.True(line.Length <= 78, line));

        var (headers, body) = Split(eml);
        Assert.Equal("alerts@scheduler.example", headers["From"]);
        Assert.Equal("po@croydon.example", headers["To"]);
        Assert.Equal("Thu, 14 Dec 2017 06:00:00 +0000", headers["Date"]);
        Assert.Equal(email.Headers["Message-ID"], headers["Message-ID"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        Assert.Equal(email.Subject, DecodeRfc2047(headers["Subject"]));
        Assert.StartsWith("=?utf-8?B?", headers["Subject"]);
        Assert.Contains("—", email.Subject);

        var boundary = Regex.Match(headers["Content-Type"], "^multipart/alternative; boundary=\"(?<b>[^\"]+)\"$").Groups["b"].Value;
        Assert.NotEmpty(boundary);
        Assert.EndsWith($"--{boundary}--\r\n", body);
        var parts = body.Split($"--{boundary}")[1..^1];
        Assert.Equal(2, parts.Length);
        var (textHeaders, textBody) = Split(parts[0].TrimStart('\r', '\n'));
        var (htmlHeaders, htmlBody) = Split(parts[1].TrimStart('\r', '\n'));
        Assert.Equal("text/plain; charset=utf-8", textHeaders["Content-Type"]);
        Assert.Equal("text/html; charset=utf-8", htmlHeaders["Content-Type"]);
        Assert.Equal("base64", textHeaders["Content-Transfer-Encoding"]);
        Assert.Equal(email.Text.Replace("\n", "\r\n"), Encoding.UTF8.GetString(Convert.FromBase64String(textBody)));
        Assert.Equal(email.Html.Replace("\n", "\r\n"), Encoding.UTF8.GetString(Convert.FromBase64String(htmlBody)));
    }

    [Fact]
    public async Task A_retry_overwrites_instead_of_duplicating_and_list_shows_it()
    {
        var email = Composed();
        var sender = Sender();

        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(Samples.Email(), CancellationToken.None);

        Assert.Equal(2, Directory.GetFiles(_folder).Length);
        var listed = await sender.ListAsync(CancellationToken.None);
        Assert.Equal(2, listed.Count);
        var entry = Assert.Single(listed, e => e.FileName == email.IdempotencyKey + ".eml");
        Assert.Equal(email.Subject, entry.Subject);
        Assert.Equal("po@croydon.example", entry.To);
        Assert.Equal(email.Headers["Message-ID"], entry.MessageId);
    }

    [Fact]
    public async Task Header_injection_is_refused_as_permanent()
    {
        var outcome = await Sender().SendAsync(Samples.Email() with { To = "po@croydon.example\r\nBcc: x@evil.example" }, CancellationToken.None);

        Assert.IsType<DeliveryOutcome.Permanent>(outcome);
        Assert.False(Directory.Exists(_folder) && Directory.GetFiles(_folder).Length > 0);
    }

    [Fact]
    public async Task Listing_an_empty_or_missing_outbox_is_empty()
    {
        Assert.Empty(await Sender().ListAsync(CancellationToken.None));
    }

    // A parser written for the test: header block (unfolded) and body.
    private static (Dictionary<string, string> Headers, string Body) Split(string message)
    {
        var end = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unfolded = Regex.Replace(message[..end], "\r\n[ \t]+", " ");
        foreach (var line in unfolded.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        return (headers, message[(end + 4)..]);
    }

    private static string DecodeRfc2047(string value) =>
        string.Concat(Regex.Matches(value, @"=\?utf-8\?B\?(?<t>[^?]*)\?=")
            .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["t"].Value))));
}
