using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using NodaTime;
using Scheduler.Application.Ports;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Tests.Sweep;

namespace Scheduler.Functions.Tests.Browser;

/// <summary>
/// A recipient's path in a real browser (headless Chromium, scripts off, phone-sized) against the local host on a
/// loopback socket: the Croydon demo swept on Mon 11 Dec 2017, the link opened from the outbox .eml the dispatcher
/// wrote, the milestone acknowledged and the next sweeps quiet for it until the acknowledgement lapses; from a
/// later email, the review conference recorded as held and its chasers stopped; a tampered link refused.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ActionPageBrowserTests(AzuriteFixture azurite)
{
    // A day the looked-after review's escalated chaser falls due (every 5 working days from Mon 9 Oct 2017), so the
    // first sweep emails it whether or not that sweep is its first sight.
    private static readonly LocalDate Monday11 = new(2017, 12, 11);

    [Fact]
    public async Task A_recipient_acknowledges_from_the_email_then_records_a_review_conference_and_the_sweeps_follow()
    {
        await using var h = await SweepHarness.StartAsync(azurite, Monday11, kestrel: true);
        await CroydonDemo.SeedAsync(h);
        await SweepAndDispatchAsync(h);

        // The IRO's email: the first looked-after review (due Mon 2 Oct 2017) is escalated; its link is signed for them.
        var iroMail = Emails(h).Single(m => To(m) == "iro1@croydon.example");
        var lacLink = LinkFor(iroMail, "First looked-after review");
        Assert.StartsWith(h.App.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/a/", lacLink, StringComparison.Ordinal);
        Assert.Contains("Act on it: " + lacLink, iroMail.TextBody, StringComparison.Ordinal);

        await using var chromium = await Chromium.StartAsync();
        var page = await chromium.NewPageAsync();
        var response = await page.GotoAsync(lacLink);
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.Equal("no-referrer", await response.HeaderValueAsync("referrer-policy"));
        var text = await page.InnerTextAsync("main");
        Assert.Contains("First looked-after review", text, StringComparison.Ordinal);
        Assert.Contains("CRO-LAC-001", text, StringComparison.Ordinal);
        Assert.Contains("Escalated: overdue by 50 working days (was due Mon 2 Oct 2017)", text, StringComparison.Ordinal);
        Assert.Contains("This link was sent to iro1@croydon.example", text, StringComparison.Ordinal);

        await page.FillAsync("#reason", "Review booked for Mon 18 Dec with the IRO");
        await page.FillAsync("#until", "2017-12-19");
        await Task.WhenAll(page.WaitForURLAsync(new Regex("/acknowledge$")), page.ClickAsync("button:has-text('Acknowledge')"));
        text = await page.InnerTextAsync("main");
        Assert.Contains("Acknowledged by iro1@croydon.example on Mon 11 Dec 2017, until Tue 19 Dec 2017", text, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "scheduler-action-page-acknowledged.png"), FullPage = true });

        // Its next chaser falls on Mon 18 Dec (escalated items repeat every 5 working days from Mon 9 Oct): held back.
        h.Today = new LocalDate(2017, 12, 18);
        await SweepAndDispatchAsync(h);
        Assert.DoesNotContain(await NewRowsAsync(h, h.Today), r => r.Alert.Rule == RuleIds.LacReviewFirst);

        // The same sweep tells the conference chair the first review conference is due soon (Fri 22 Dec 2017).
        var cpcMail = Emails(h).Single(m => To(m) == "cpc1@croydon.example" && (m.HtmlBody ?? string.Empty).Contains("First child protection review conference", StringComparison.Ordinal));
        var reviewLink = LinkFor(cpcMail, "First child protection review conference");
        var review = await chromium.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.OK, (await review.GotoAsync(reviewLink))!.Status);
        Assert.Contains("Review conference held on", await review.InnerTextAsync("main"), StringComparison.Ordinal);
        await review.FillAsync("#date", "2017-12-18");
        await Task.WhenAll(review.WaitForURLAsync(new Regex("/done$")), review.ClickAsync("button:has-text('Record as done')"));
        var recorded = await review.InnerTextAsync("main");
        Assert.Contains("Met on Mon 18 Dec 2017", recorded, StringComparison.Ordinal);
        Assert.Equal(0, await review.Locator("form").CountAsync());
        await review.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "scheduler-action-page-recorded.png"), FullPage = true });

        // Wed 20 Dec, the first working day after the acknowledgement's last day: the held chaser is released.
        h.Today = new LocalDate(2017, 12, 20);
        await SweepAndDispatchAsync(h);
        Assert.Contains(await NewRowsAsync(h, h.Today), r => r.Alert.Rule == RuleIds.LacReviewFirst && r.Recipient == "iro1@croydon.example");

        // Fri 22 Dec, the review conference's due day: met, so no "due today" and no chaser after it.
        foreach (var day in new[] { new LocalDate(2017, 12, 22), new LocalDate(2018, 1, 2) })
        {
            h.Today = day;
            await SweepAndDispatchAsync(h);
            Assert.DoesNotContain(await NewRowsAsync(h, day), r => r.Alert.Rule == RuleIds.CpReviewFirst);
        }

        // A tampered link: the refusal page, and nothing about the item.
        var tampered = lacLink[..^8] + (lacLink[^8] == 'x' ? 'y' : 'x') + lacLink[^7..];
        var refused = await chromium.NewPageAsync();
        Assert.Equal((int)HttpStatusCode.Forbidden, (await refused.GotoAsync(tampered))!.Status);
        var refusal = await refused.InnerTextAsync("main");
        Assert.Contains("This link is not valid", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("CRO-LAC-001", refusal, StringComparison.Ordinal);
        Assert.Equal(0, await refused.Locator("form").CountAsync());
    }

    private static async Task SweepAndDispatchAsync(SweepHarness h)
    {
        await h.SweepAsync();
        while (true)
        {
            var batch = (await h.DispatchQueue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(60))).Value;
            if (batch.Length == 0)
            {
                return;
            }

            foreach (var message in batch)
            {
                await h.DeliverAsync(message);
            }
        }
    }

    private static async Task<List<Scheduler.Application.Alerts.Sweep.AlertLedgerEntry>> NewRowsAsync(SweepHarness h, LocalDate day) =>
        [.. (await h.LedgerRowsAsync()).Where(r => r.SweepDay == day)];

    private static List<MimeMessage> Emails(SweepHarness h) =>
        [.. Directory.GetFiles(h.App.Service<IOutbox>().Directory, "*.eml").Select(path => MimeMessage.Load(path))];

    private static string To(MimeMessage message) => message.To.Mailboxes.Single().Address;

    private static string LinkFor(MimeMessage message, string title)
    {
        var match = Regex.Match(message.HtmlBody ?? string.Empty, $"<a href=\"([^\"]+)\"[^>]*>{Regex.Escape(title)}</a>");
        Assert.True(match.Success, $"No link titled '{title}' in the email to {To(message)}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
