using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using Scheduler.Application.Alerts;
using Scheduler.Application.Alerts.Links;
using Scheduler.Application.Ports;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Rules;
using Scheduler.Functions.Tests.Infrastructure;
using Scheduler.Functions.Tests.Sweep;

namespace Scheduler.Functions.Tests.Links;

/// <summary>
/// <c>GET /a/{token}</c> and its two forms over a plain HttpClient, on the Croydon demo of Tue 12 Dec 2017: what the
/// page shows, its headers and encoding, every refusal, the anti-forgery check, and both actions as the API would
/// validate and audit them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ActionPageHttpTests(AzuriteFixture azurite)
{
    private static readonly LocalDate Demo = new(2017, 12, 12);
    private static readonly string LacReview = MilestoneKeys.For(SubjectKind.Case, CroydonDemo.LacCase, RuleIds.LacReviewFirst, 1, 1);
    private static readonly string CpReview = MilestoneKeys.For(SubjectKind.Case, CroydonDemo.CpCase, RuleIds.CpReviewFirst, 1, 1);

    private static async Task<SweepHarness> StartAsync(AzuriteFixture azurite)
    {
        var h = await SweepHarness.StartAsync(azurite, Demo);
        await CroydonDemo.SeedAsync(h);
        return h;
    }

    private static string Link(SweepHarness h, string milestoneKey, string recipient, LocalDate? issued = null) =>
        h.App.Service<ActionLinks>().For(SweepHarness.Authority, milestoneKey, recipient, issued ?? h.Today).PathAndQuery;

    [Fact]
    public async Task The_page_shows_the_milestone_in_plain_words_with_who_is_told_and_sends_the_security_headers()
    {
        await using var h = await StartAsync(azurite);
        using var client = h.App.Client();
        var page = await ActionPageClient.GetAsync(client, Link(h, LacReview, "iro1@croydon.example"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        AssertSecurityHeaders(page);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        var setCookie = page.Header("Set-Cookie");
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);

        var text = ActionPageClient.Text(page.Html);
        Assert.Contains("Croydon", text, StringComparison.Ordinal);
        Assert.Contains("Case reference CRO-LAC-001", text, StringComparison.Ordinal);
        Assert.Contains("First looked-after review", text, StringComparison.Ordinal);
        // Looked after Mon 4 Sep 2017: + 20 working days = Mon 2 Oct 2017; Tue 3 Oct to Tue 12 Dec is 51 working
        // days, past the 5 at which child cases escalate.
        Assert.Contains("Escalated: overdue by 51 working days (was due Mon 2 Oct 2017)", text, StringComparison.Ordinal);
        Assert.Contains(RuleSets.FindRule(RuleIds.LacReviewFirst)!.Plain, text, StringComparison.Ordinal);
        Assert.Contains("Source: " + RuleSets.FindRule(RuleIds.LacReviewFirst)!.Source, text, StringComparison.Ordinal);
        Assert.Contains("Independent reviewing officer: iro1@croydon.example (told)", text, StringComparison.Ordinal);
        Assert.Contains("Team manager: tm2@croydon.example (told)", text, StringComparison.Ordinal);
        Assert.Contains("Head of service: hos@croydon.example (told: it is escalated)", text, StringComparison.Ordinal);
        Assert.Contains("This link was sent to iro1@croydon.example", text, StringComparison.Ordinal);
        Assert.Contains("Looked-after review held on", text, StringComparison.Ordinal);
        Assert.Contains("None holds", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Everything_shown_is_html_encoded()
    {
        await using var h = await StartAsync(azurite);
        var code = TestApp.NewAuthority("enc");
        const string name = "<script>alert('name')</script> & \"Sons\"";
        var key = await h.App.CreateAuthorityAsync(code, new { name, contacts = new Dictionary<string, object> { ["PO"] = "po@enc.example", ["DCS"] = "dcs@enc.example" } });
        using var api = h.App.Client(key);
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync($"/api/authorities/{code}/episodes", TestApp.Json(new { id = "ep-1", report_received = "2017-09-04" }))).StatusCode);
        var milestone = MilestoneKeys.For(SubjectKind.Episode, "ep-1", RuleIds.ActionPlanSubmission, 1, 1);
        var path = h.App.Service<ActionLinks>().For(code, milestone, "po@enc.example", h.Today).PathAndQuery;

        using var client = h.App.Client();
        var page = await ActionPageClient.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("<script", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt; &amp; &quot;Sons&quot;", page.Html, StringComparison.Ordinal);

        var reason = "<script>alert('reason')</script><img src=x onerror=alert(1)>";
        var acknowledged = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = reason, ["until"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, acknowledged.Status);
        Assert.DoesNotContain("<script", acknowledged.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", acknowledged.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Reason: " + reason, ActionPageClient.Text(acknowledged.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_expired_or_orphaned_link_gets_a_plain_refusal_page_with_no_data()
    {
        await using var h = await StartAsync(azurite);
        using var client = h.App.Client();
        var good = Link(h, LacReview, "iro1@croydon.example");
        var tampered = good[..^6] + (good[^6] == 'A' ? 'B' : 'A') + good[^5..];

        var refusals = new (string Path, HttpStatusCode Status, string Says)[]
        {
            (tampered, HttpStatusCode.Forbidden, "This link is not valid"),
            ("/a/not-a-token", HttpStatusCode.Forbidden, "This link is not valid"),
            // Issued Sat 11 Nov 2017, valid 30 days: its last day was Mon 11 Dec 2017.
            (Link(h, LacReview, "iro1@croydon.example", new LocalDate(2017, 11, 11)), HttpStatusCode.Forbidden, "This link has expired"),
            (Link(h, LacReview, "former.iro@croydon.example"), HttpStatusCode.Forbidden, "This link can no longer be used"),
            (Link(h, MilestoneKeys.For(SubjectKind.Case, "CRO-NOPE-001", RuleIds.LacReviewFirst, 1, 1), "iro1@croydon.example"), HttpStatusCode.NotFound, "no longer in the calendar"),
        };
        foreach (var (path, status, says) in refusals)
        {
            var page = await ActionPageClient.GetAsync(client, path);
            Assert.True(status == page.Status, $"{path}: {(int)page.Status}");
            AssertSecurityHeaders(page);
            var text = ActionPageClient.Text(page.Html);
            Assert.Contains(says, text, StringComparison.Ordinal);
            Assert.Contains("Where to find the item", text, StringComparison.Ordinal);
            Assert.DoesNotContain("CRO-LAC-001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Croydon", text, StringComparison.Ordinal);
            Assert.DoesNotContain("looked-after", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<form", page.Html, StringComparison.Ordinal);
        }

        Assert.Contains("ended on Mon 11 Dec 2017", ActionPageClient.Text((await ActionPageClient.GetAsync(client, refusals[2].Path)).Html), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await ActionPageClient.PostAsync(client, tampered + "/acknowledge", null, new Dictionary<string, string> { ["reason"] = "x" })).Status);
    }

    [Fact]
    public async Task A_form_without_the_pages_cookie_and_proof_is_refused_and_changes_nothing()
    {
        await using var h = await StartAsync(azurite);
        using var client = h.App.Client();
        var path = Link(h, LacReview, "iro1@croydon.example");
        var page = await ActionPageClient.GetAsync(client, path);
        var other = await ActionPageClient.GetAsync(client, Link(h, CpReview, "cpc1@croydon.example"));
        var fields = new Dictionary<string, string> { ["reason"] = "Review booked", ["until"] = string.Empty };

        var attempts = new (string? Cookie, string? Proof, string? ContentType, HttpStatusCode Status)[]
        {
            (null, page.Proof, null, HttpStatusCode.Forbidden),              // no cookie: a cross-site post, or cookies blocked
            (page.Cookie, null, null, HttpStatusCode.Forbidden),             // no proof
            (other.Cookie, page.Proof, null, HttpStatusCode.Forbidden),      // another browser's cookie
            (page.Cookie, other.Proof, null, HttpStatusCode.Forbidden),      // the proof of another link's page
            (page.Cookie, page.Proof, "text/plain", HttpStatusCode.UnsupportedMediaType),
        };
        foreach (var (cookie, proof, contentType, status) in attempts)
        {
            var all = new Dictionary<string, string>(fields);
            if (proof is not null)
            {
                all["proof"] = proof;
            }

            var refused = await ActionPageClient.PostAsync(client, path + "/acknowledge", cookie, all, contentType);
            Assert.Equal(status, refused.Status);
            AssertSecurityHeaders(refused);
        }

        Assert.Null(await h.App.Service<AcknowledgementService>().ForMilestoneAsync(SweepHarness.Authority, LacReview, CancellationToken.None));
        var accepted = await ActionPageClient.SubmitAsync(client, page, "acknowledge", fields);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Fact]
    public async Task Acknowledging_stores_it_for_the_milestone_audited_under_the_recipients_address_and_shows_it()
    {
        await using var h = await StartAsync(azurite);
        using var client = h.App.Client();
        var page = await ActionPageClient.GetAsync(client, Link(h, LacReview, "IRO1@croydon.example"));

        var missing = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "  ", ["until"] = string.Empty });
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("reason: is required", ActionPageClient.Text(missing.Html), StringComparison.Ordinal);
        var past = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "Booked", ["until"] = "2017-12-11" });
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.Contains("until: is in the past", ActionPageClient.Text(past.Html), StringComparison.Ordinal);
        var garbled = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "Booked", ["until"] = "next week" });
        Assert.Equal(HttpStatusCode.BadRequest, garbled.Status);
        Assert.Contains("until: must be a date in the form yyyy-MM-dd", ActionPageClient.Text(garbled.Html), StringComparison.Ordinal);

        var control = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "Booked\u0007", ["until"] = string.Empty });
        Assert.Equal(HttpStatusCode.BadRequest, control.Status);
        Assert.Contains("reason: contains a control character (U+0007)", ActionPageClient.Text(control.Html), StringComparison.Ordinal);

        // A textarea's line breaks become spaces: the reason is one line, as the API takes it.
        var done = await ActionPageClient.SubmitAsync(client, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "Review booked\r\nfor Fri 15 Dec", ["until"] = "2017-12-15" });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        var text = ActionPageClient.Text(done.Html);
        Assert.Contains("Acknowledged. No reminder or escalation goes to anyone", text, StringComparison.Ordinal);
        Assert.Contains("Acknowledged by iro1@croydon.example on Tue 12 Dec 2017, until Fri 15 Dec 2017", text, StringComparison.Ordinal);
        Assert.Contains("Reason: Review booked for Fri 15 Dec", text, StringComparison.Ordinal);

        var stored = await h.App.Service<AcknowledgementService>().ForMilestoneAsync(SweepHarness.Authority, LacReview, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("iro1@croydon.example", stored.By);
        Assert.Equal(new LocalDate(2017, 12, 15), stored.Until);
        var audit = await AuditAsync(h, "milestone.acknowledged");
        Assert.Equal("iro1@croydon.example", Assert.Single(audit).Actor);
        Assert.Equal(LacReview, audit[0].EntityKey);

        // Opened again, the page shows it; the work list API lists it.
        Assert.Contains("Acknowledged by iro1@croydon.example", ActionPageClient.Text((await ActionPageClient.GetAsync(client, Link(h, LacReview, "tm2@croydon.example"))).Html), StringComparison.Ordinal);
        var listed = (await TestApp.ReadAsync(await h.Api.GetAsync($"/api/authorities/{SweepHarness.Authority}/alerts/acknowledgements"), HttpStatusCode.OK)).ToJsonString();
        Assert.Contains("iro1@croydon.example", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_as_done_is_validated_as_the_events_api_validates_it_then_the_milestone_is_met_and_audited()
    {
        await using var h = await StartAsync(azurite);
        using var client = h.App.Client();
        var page = await ActionPageClient.GetAsync(client, Link(h, CpReview, "cpc1@croydon.example"));
        var text = ActionPageClient.Text(page.Html);
        // ICPC Mon 25 Sep 2017 + 3 months = Mon 25 Dec 2017 (Christmas Day): due the working day before, Fri 22 Dec.
        Assert.Contains("Due in 8 working days, on Fri 22 Dec 2017; the nominal date, Mon 25 Dec 2017, is not a working day", text, StringComparison.Ordinal);
        Assert.Contains("Review conference held on", text, StringComparison.Ordinal);

        // The same event through the API and through the page: refused for the same field and reason.
        foreach (var date in new[] { "2017-12-18", "2017-13-01", string.Empty })
        {
            var problem = await h.Api.PostAsync($"/api/authorities/{SweepHarness.Authority}/cases/{CroydonDemo.CpCase}/events", TestApp.Json(new { type = "cp_review_held", date }));
            var body = JsonNode.Parse(await problem.Content.ReadAsStringAsync())!;
            Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
            var refused = await ActionPageClient.SubmitAsync(client, page, "done", new Dictionary<string, string> { ["date"] = date });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains($"{body["field"]}: {body["reason"]}", ActionPageClient.Text(refused.Html), StringComparison.Ordinal);
        }

        var recorded = await ActionPageClient.SubmitAsync(client, page, "done", new Dictionary<string, string> { ["date"] = "2017-12-11" });
        Assert.Equal(HttpStatusCode.OK, recorded.Status);
        var after = ActionPageClient.Text(recorded.Html);
        Assert.Contains("Recorded.", after, StringComparison.Ordinal);
        Assert.Contains("Met on Mon 11 Dec 2017", after, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", recorded.Html, StringComparison.Ordinal);

        var again = await ActionPageClient.SubmitAsync(client, page, "done", new Dictionary<string, string> { ["date"] = "2017-12-11" });
        Assert.Contains("is already met or closed", ActionPageClient.Text(again.Html), StringComparison.Ordinal);

        var caseJson = await TestApp.ReadAsync(await h.Api.GetAsync($"/api/authorities/{SweepHarness.Authority}/cases/{CroydonDemo.CpCase}"), HttpStatusCode.OK);
        var review = caseJson["milestones"]!.AsArray().Single(m => (string)m!["rule"]! == RuleIds.CpReviewFirst)!;
        Assert.Equal("met", (string)review["status"]!);
        Assert.Equal("2017-12-11", (string)review["met"]!);
        var evt = caseJson["events"]!.AsArray().Single(e => (string)e!["event"]!["type"]! == "cp_review_held")!;
        Assert.Equal("cpc1@croydon.example", (string)evt["recorded_by"]!);
        Assert.Equal("cpc1@croydon.example", (await AuditAsync(h, "case.event.recorded")).Single().Actor);
        // The next review conference now runs six months from the one held.
        Assert.Contains(caseJson["milestones"]!.AsArray(), m => (string)m!["rule"]! == RuleIds.CpReviewSubsequent);
    }

    [Fact]
    public async Task The_calendar_feed_links_each_event_to_its_action_page_for_the_subscribers_key()
    {
        await using var h = await StartAsync(azurite);
        using var anonymous = h.App.Client();
        var keyId = (await h.App.Service<IApiKeyStore>().ListAsync(SweepHarness.Authority, CancellationToken.None).FirstAsync()).KeyId;
        var feed = await h.Api.GetStringAsync($"/api/authorities/{SweepHarness.Authority}/calendar.ics");
        var calendar = Scheduler.Tests.Ical.IcalJs.Parse(feed);
        var plan = calendar.Events.First(e => e.Summary.StartsWith("Written statement of action", StringComparison.Ordinal));
        Assert.NotNull(plan.Url);
        var url = new Uri(plan.Url);
        Assert.StartsWith("/a/", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Action page: " + plan.Url, plan.Description, StringComparison.Ordinal);

        var page = await ActionPageClient.GetAsync(anonymous, url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = ActionPageClient.Text(page.Html);
        Assert.Contains("Written statement of action (action plan) due", text, StringComparison.Ordinal);
        Assert.Contains($"This link was sent to the calendar subscription of API key {keyId}", text, StringComparison.Ordinal);

        var acknowledged = await ActionPageClient.SubmitAsync(anonymous, page, "acknowledge", new Dictionary<string, string> { ["reason"] = "Plan with the DCS", ["until"] = string.Empty });
        Assert.Equal(HttpStatusCode.OK, acknowledged.Status);
        Assert.Contains($"Acknowledged by feed:{keyId}", ActionPageClient.Text(acknowledged.Html), StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(PageView page)
    {
        var csp = page.Header("Content-Security-Policy");
        Assert.StartsWith("default-src 'none';", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Header("X-Content-Type-Options"));
        Assert.Equal("no-referrer", page.Header("Referrer-Policy"));
        Assert.Equal("no-store", page.Header("Cache-Control"));
    }

    private static async Task<List<Scheduler.Application.Audit.AuditEntry>> AuditAsync(SweepHarness h, string operation)
    {
        var list = new List<Scheduler.Application.Audit.AuditEntry>();
        await foreach (var e in h.App.Service<IAuditLog>().ReadMonthAsync(SweepHarness.Authority, h.Clock.GetCurrentInstant(), CancellationToken.None))
        {
            if (e.Operation == operation)
            {
                list.Add(e);
            }
        }

        return list;
    }
}
