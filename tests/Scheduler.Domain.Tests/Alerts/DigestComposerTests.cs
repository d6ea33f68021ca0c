using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Digest composition: grouping, subject lines, one status per item, level, ask, links, headers, encoding, determinism.</summary>
public sealed class DigestComposerTests
{
    private static readonly Dictionary<string, string> Names = new() { ["CRO"] = "Croydon", ["SUT"] = "Sutton" };

    internal static AlertCandidate Item(
        AlertLevel level,
        string title = "Written statement of action",
        string rule = "action_plan_submission",
        SubjectKind kind = SubjectKind.Episode,
        string subjectId = "ep-2017-09",
        string authority = "CRO",
        int daysOverdue = 0,
        Role role = Role.PO,
        LocalDate? effective = null,
        int sequence = 1,
        int workingDaysToDue = 0,
        LocalDate? earliest = null) => new()
        {
            SubjectKind = kind,
            AuthorityCode = authority,
            SubjectId = subjectId,
            Rule = rule,
            Sequence = sequence,
            Title = title,
            Group = RuleGroup.OfstedPostInspection,
            Earliest = earliest,
            Due = effective ?? D(2017, 12, 11),
            Effective = effective ?? D(2017, 12, 11),
            Level = level,
            Renotify = 0,
            TriggerDay = D(2017, 12, 11),
            RecipientRole = role,
            DaysOverdue = daysOverdue,
            WorkingDaysToDue = workingDaysToDue,
        };

    /// <summary>The link the application would sign for an item; here one per rule, so tests can find it.</summary>
    internal static string LinkFor(AlertCandidate alert) => $"https://sched.example/a/tok-{alert.SubjectId}-{alert.Rule}";

    internal static DigestRequest Request(string to, params AlertCandidate[] items) =>
        new(to, "alerts@scheduler.example", D(2017, 12, 14), [.. items.Select(i => new DigestItem(i, LinkFor(i)))], Names);

    private static EmailMessage Compose(params AlertCandidate[] items) => DigestComposer.Compose(Request("po@croydon.example", items));

    private static int Count(string haystack, string needle) => Regex.Matches(haystack, Regex.Escape(needle)).Count;

    [Fact]
    public void Subject_counts_what_needs_doing()
    {
        var email = Compose(
            Item(AlertLevel.Overdue, rule: "a", daysOverdue: 2),
            Item(AlertLevel.Overdue, rule: "b", daysOverdue: 1),
            Item(AlertLevel.Upcoming, rule: "c"),
            Item(AlertLevel.Upcoming, rule: "d"),
            Item(AlertLevel.Upcoming, rule: "e"));

        Assert.Equal("2 overdue, 3 due soon — Croydon oversight calendar", email.Subject);
    }

    [Fact]
    public void Single_case_item_subject_names_the_milestone()
    {
        var email = Compose(Item(AlertLevel.Overdue, title: "Review conference", kind: SubjectKind.Case, subjectId: "CR-000123", daysOverdue: 1));

        Assert.Equal("1 overdue: Review conference — Croydon child cases", email.Subject);
    }

    [Fact]
    public void Sections_come_in_severity_order_within_each_authority_named_once()
    {
        var email = Compose(
            Item(AlertLevel.Upcoming, rule: "u", title: "Upcoming thing", workingDaysToDue: 3),
            Item(AlertLevel.Due, rule: "d", title: "Due thing"),
            Item(AlertLevel.Escalated, rule: "e", title: "Escalated thing", daysOverdue: 4),
            Item(AlertLevel.Overdue, rule: "o", title: "Overdue thing", daysOverdue: 1),
            Item(AlertLevel.Overdue, rule: "s", title: "Another thing", authority: "SUT", daysOverdue: 2));

        var text = email.Text;
        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        Assert.True(At("Escalated (1)") < At("Overdue (1)"));
        Assert.True(At("Overdue (1)") < At("Due today (1)"));
        Assert.True(At("Due today (1)") < At("Coming up (1)"));
        Assert.True(At("Escalated thing") < At("Overdue thing"));
        Assert.True(At("==== Croydon ====") < At("Escalated thing"));
        Assert.True(At("==== Sutton ====") > At("Upcoming thing"));
        Assert.Equal("1 escalated, 2 overdue, 1 due today, 1 due soon — Croydon and Sutton oversight calendar", email.Subject);

        // Each authority's name once in each body, however many of its items there are.
        Assert.Equal(1, Count(text, "Croydon"));
        Assert.Equal(1, Count(text, "Sutton"));
        Assert.Equal(1, Count(email.Html, "Croydon"));
        Assert.Equal(1, Count(email.Html, "Sutton"));
    }

    [Theory]
    [InlineData(AlertLevel.Overdue, 23, 0, null, "Overdue by 23 working days (was due Mon 11 Dec 2017)")]
    [InlineData(AlertLevel.Escalated, 31, 0, null, "Escalated: overdue by 31 working days (was due Mon 11 Dec 2017)")]
    [InlineData(AlertLevel.Escalated, 1, 0, null, "Escalated: overdue by 1 working day (was due Mon 11 Dec 2017)")]
    [InlineData(AlertLevel.Due, 0, 0, null, "Due today")]
    [InlineData(AlertLevel.Upcoming, 0, 5, null, "Due in 5 working days, on Mon 11 Dec 2017")]
    [InlineData(AlertLevel.WindowOpen, 0, 10, "2017-11-27", "Window open until Mon 11 Dec 2017")]
    [InlineData(AlertLevel.Upcoming, 0, 1, "2017-11-27", "Window closes in 1 working day, on Mon 11 Dec 2017")]
    public void Each_item_has_one_status_in_words(AlertLevel level, int overdue, int toDue, string? earliest, string status)
    {
        var opens = earliest is null ? (LocalDate?)null : NodaTime.Text.LocalDatePattern.Iso.Parse(earliest).Value;
        var email = Compose(Item(level, daysOverdue: overdue, workingDaysToDue: toDue, earliest: opens));

        Assert.Contains($"    Status: {status}\n", email.Text);
        Assert.Contains($"<strong>{status}</strong>", email.Html);
        Assert.Single(Regex.Matches(email.Text, "Status: "));
    }

    [Fact]
    public void The_due_date_is_said_once_per_item()
    {
        // The old digest said "due Fri 29 Dec 2017 | due Fri 29 Dec 2017".
        var email = Compose(Item(AlertLevel.Upcoming, effective: D(2017, 12, 29), workingDaysToDue: 5));

        Assert.Equal(1, Count(email.Text, "Fri 29 Dec 2017"));
        Assert.Equal(1, Count(email.Html, "Fri 29 Dec 2017"));
        Assert.Contains("Due in 5 working days, on Fri 29 Dec 2017", email.Text);
    }

    [Fact]
    public void The_level_is_in_words_and_in_colour_so_escalations_stand_out()
    {
        var email = Compose(
            Item(AlertLevel.Escalated, rule: "e", title: "Escalated thing", daysOverdue: 4),
            Item(AlertLevel.Overdue, rule: "o", title: "Overdue thing", daysOverdue: 1),
            Item(AlertLevel.Upcoming, rule: "u", title: "Upcoming thing", workingDaysToDue: 3));

        // GOV.UK red with white text for escalated, orange for overdue, blue for coming up; the word always there.
        Assert.Matches(@"border-left: 6px solid #d4351c;[^>]*>\s*<p[^>]*><strong style=""background-color: #d4351c; color: #ffffff;[^""]*"">Escalated</strong>", email.Html);
        Assert.Matches(@"border-left: 6px solid #f47738;[^>]*>\s*<p[^>]*><strong style=""background-color: #fcd6c3; color: #6e3619;[^""]*"">Overdue</strong>", email.Html);
        Assert.Matches(@"border-left: 6px solid #1d70b8;[^>]*>\s*<p[^>]*><strong style=""[^""]*"">Due soon</strong>", email.Html);
        Assert.Contains("  [Escalated] Escalated thing\n", email.Text);
        Assert.Contains("  [Overdue] Overdue thing\n", email.Text);
    }

    [Fact]
    public void Each_item_says_what_the_rule_means_and_what_to_do()
    {
        var email = Compose(Item(AlertLevel.Escalated, daysOverdue: 3));

        Assert.Contains(
            "What it means: The council must send its written statement of action, the plan answering the inspection's findings, to the Secretary of State and Ofsted within 70 working days of receiving the inspection report.",
            email.Text);
        Assert.Contains(
            "What to do: Submit the written statement of action and record the date it was sent. This has been escalated to senior managers. If it is in hand, acknowledge it with a reason and a date: reminders pause until then.\n",
            email.Text);
        Assert.Contains("<strong>What to do:</strong> Submit the written statement of action and record the date it was sent.", email.Html);
    }

    [Fact]
    public void A_rule_the_catalogue_does_not_know_gets_the_generic_words()
    {
        var email = Compose(Item(AlertLevel.Due, rule: "not_a_rule"));

        Assert.Contains("What to do: Make sure it is done, and record it as done. It is due today.\n", email.Text);
    }

    [Fact]
    public void Each_item_links_to_the_link_the_caller_gave_in_both_parts()
    {
        var a = Item(AlertLevel.Due, rule: "a");
        var b = Item(AlertLevel.Due, rule: "b", kind: SubjectKind.Case, subjectId: "CR/2017/0042");
        var email = DigestComposer.Compose(new DigestRequest(
            "po@croydon.example", "alerts@scheduler.example", D(2017, 12, 14),
            [new DigestItem(a, "https://sched.example/a/AAA"), new DigestItem(b, "https://sched.example/a/BBB?x=1&y=2")], Names));

        Assert.Contains("    Act on it: https://sched.example/a/AAA\n", email.Text);
        Assert.Contains("    Act on it: https://sched.example/a/BBB?x=1&y=2\n", email.Text);
        Assert.Equal(2, Count(email.Html, "href=\"https://sched.example/a/AAA\""));
        Assert.Equal(2, Count(email.Html, "href=\"https://sched.example/a/BBB?x=1&amp;y=2\""));
        Assert.DoesNotContain("/api/", email.Text + email.Html);
    }

    [Fact]
    public void Headers_mark_the_email_as_automatic_and_name_the_list()
    {
        var email = Compose(Item(AlertLevel.Due));

        Assert.Equal("auto-generated", email.Headers["Auto-Submitted"]);
        Assert.Equal("All", email.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal("Scheduler alerts <alerts.scheduler.example>", email.Headers["List-Id"]);
        Assert.Equal($"<{email.IdempotencyKey}@scheduler.example>", email.Headers["Message-ID"]);
    }

    [Fact]
    public void Html_values_are_encoded_and_text_values_are_not()
    {
        var email = Compose(Item(AlertLevel.Due, title: "Plan <b>&</b> \"review\""));

        Assert.Contains("Plan &lt;b&gt;&amp;&lt;/b&gt; &quot;review&quot;", email.Html);
        Assert.DoesNotContain("<b>&</b>", email.Html);
        Assert.Contains("Plan <b>&</b> \"review\"", email.Text);
    }

    [Fact]
    public void A_milestone_reaching_one_person_through_two_roles_is_listed_once_at_its_most_severe()
    {
        var email = Compose(
            Item(AlertLevel.Overdue, role: Role.PO, daysOverdue: 3),
            Item(AlertLevel.Escalated, role: Role.DCS, daysOverdue: 3));

        Assert.Single(Regex.Matches(email.Text, "Written statement of action\n"));
        Assert.StartsWith("1 escalated: Written statement of action", email.Subject);
    }

    [Fact]
    public void Digest_key_and_message_id_are_deterministic_and_depend_on_recipient_and_items()
    {
        var items = new[] { Item(AlertLevel.Due, rule: "a"), Item(AlertLevel.Overdue, rule: "b", daysOverdue: 1) };
        var one = DigestComposer.Compose(Request("po@croydon.example", items));
        var again = DigestComposer.Compose(Request("PO@croydon.example", [.. items.Reverse()]));
        var other = DigestComposer.Compose(Request("dcs@croydon.example", items));

        Assert.Equal(one.IdempotencyKey, again.IdempotencyKey);
        Assert.NotEqual(one.IdempotencyKey, other.IdempotencyKey);
        Assert.StartsWith("digest.20171214.", one.IdempotencyKey);
        Assert.Equal($"<{one.IdempotencyKey}@scheduler.example>", one.Headers["Message-ID"]);
        Assert.Matches("^[A-Za-z0-9_.~-]+$", one.IdempotencyKey);
    }

    [Fact]
    public void Nominal_dates_on_non_working_days_are_explained()
    {
        var item = Item(AlertLevel.Upcoming, kind: SubjectKind.Case, subjectId: "CR-1", effective: D(2017, 12, 22), workingDaysToDue: 5) with { Due = D(2017, 12, 25) };
        var email = Compose(item);

        Assert.Contains("Status: Due in 5 working days, on Fri 22 Dec 2017; the nominal date, Mon 25 Dec 2017, is not a working day\n", email.Text);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("/a/relative")]
    [InlineData("ftp://sched.example/a/x")]
    [InlineData("https://sched.example/a/x\r\nBcc: someone@example.com")]
    public void Empty_digests_and_links_that_are_not_absolute_http_urls_are_refused(string link)
    {
        Assert.Throws<ArgumentException>(() => Compose());
        var ex = Assert.Throws<ArgumentException>(() => DigestComposer.Compose(
            new DigestRequest("a@b.example", "c@d.example", D(2017, 12, 14), [new DigestItem(Item(AlertLevel.Due), link)])));
        Assert.Contains("Items[0].Link", ex.Message);
    }
}
