using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using Scheduler.Application.Alerts.Dispatch;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Calendar;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using Scheduler.Infrastructure.Mail;

namespace Scheduler.Functions.Tests.Alerts;

/// <summary>The local outbox: RFC 5322 .eml files, parsed back with MimeKit's reader (not the writer's code) and checked raw.</summary>
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
        new(Options.Create(new OutboxOptions { Directory = _folder }), Samples.Clock(), Samples.Log<OutboxEmailSender>());

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
        Assert.Equal(new DeliveryOutcome.Sent(email.IdempotencyKey + ".eml"), outcome);
        var eml = Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file));

        // 7-bit, CRLF everywhere, and no line longer than RFC 5322's recommended 78 characters.
        Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 128, $"byte {b} is not 7-bit"));
        Assert.DoesNotMatch(new Regex("(?<!\r)\n"), eml);
        Assert.DoesNotMatch(new Regex("\r(?!\n)"), eml);
        Assert.All(eml.Split("\r\n"), line => Assert.True(line.Length <= 78, line));

        // The subject's em dash travels as an RFC 2047 encoded-word (the file is 7-bit, checked above).
        var rawSubject = Regex.Match(eml, "^Subject:(?<v>.*(\r\n[ \t].*)*)", RegexOptions.Multiline).Groups["v"].Value;
        Assert.Matches(new Regex(@"=\?utf-8\?[bq]\?[^?]+\?=", RegexOptions.IgnoreCase), rawSubject);

        using var mime = MimeMessage.Load(file);
        Assert.Equal("alerts@scheduler.example", Assert.Single(mime.From.Mailboxes).Address);
        Assert.Equal("po@croydon.example", Assert.Single(mime.To.Mailboxes).Address);
        Assert.Empty(mime.Cc);
        Assert.Empty(mime.Bcc);
        Assert.Equal("Thu, 14 Dec 2017 06:00:00 +0000", mime.Headers[HeaderId.Date]);
        Assert.Equal(email.Headers["Message-ID"], "<" + mime.MessageId + ">");
        Assert.Equal("1.0", mime.Headers[HeaderId.MimeVersion]);
        Assert.Equal(email.Subject, mime.Subject);
        Assert.Contains("—", email.Subject);

        // Every header the composer set goes on (docs/alerts.md: every sender must pass them all).
        Assert.Equal("auto-generated", mime.Headers["Auto-Submitted"]);
        Assert.Equal("All", mime.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal("Scheduler alerts <alerts.scheduler.example>", mime.Headers["List-Id"]);
        Assert.Equal(email.IdempotencyKey, mime.Headers["X-Scheduler-Digest-Key"]);

        var body = Assert.IsType<MultipartAlternative>(mime.Body);
        Assert.Equal(2, body.Count);
        var text = Assert.IsType<TextPart>(body[0]);
        var html = Assert.IsType<TextPart>(body[1]);
        Assert.Equal("text/plain", text.ContentType.MimeType);
        Assert.Equal("text/html", html.ContentType.MimeType);
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        Assert.Equal("utf-8", html.ContentType.Charset, ignoreCase: true);
        Assert.Equal(ContentEncoding.Base64, text.ContentTransferEncoding);
        Assert.Equal(ContentEncoding.Base64, html.ContentTransferEncoding);

        // RFC 2046 §4.1.1: a text part's canonical form breaks lines with CRLF, so the decoded bytes do too.
        Assert.Equal(email.Text.Replace("\n", "\r\n"), Decoded(text));
        Assert.Equal(email.Html.Replace("\n", "\r\n"), Decoded(html));
    }

    [Fact]
    public async Task The_same_email_is_the_same_file_byte_for_byte()
    {
        var email = Composed();
        var sender = Sender();

        await sender.SendAsync(email, CancellationToken.None);
        var first = await File.ReadAllBytesAsync(Path.Combine(_folder, email.IdempotencyKey + ".eml"));
        await sender.SendAsync(email, CancellationToken.None);
        var second = await File.ReadAllBytesAsync(Path.Combine(_folder, email.IdempotencyKey + ".eml"));

        Assert.Equal(first, second);
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
        Assert.Equal("Thu, 14 Dec 2017 06:00:00 +0000", entry.Date);
        Assert.Equal(new FileInfo(Path.Combine(_folder, entry.FileName)).Length, entry.SizeBytes);
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

    private static string Decoded(TextPart part)
    {
        using var stream = new MemoryStream();
        Assert.NotNull(part.Content);
        part.Content.DecodeTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
