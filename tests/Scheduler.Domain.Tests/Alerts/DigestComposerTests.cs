using System.Text.RegularExpressions;
using NodaTime;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>Digest composition: grouping, subject lines, links, encoding, determinism.</summary>
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
        int sequence = 1) => new()
        {
            SubjectKind = kind,
            AuthorityCode = authority,
            SubjectId = subjectId,
            Rule = rule,
            Sequence = sequence,
            Title = title,
            Group = RuleGroup.OfstedPostInspection,
            Due = effective ?? D(2017, 12, 11),
            Effective = effective ?? D(2017, 12, 11),
            Level = level,
            Renotify = 0,
            TriggerDay = D(2017, 12, 11),
            RecipientRole = role,
            DaysOverdue = daysOverdue,
        };

    private static EmailMessage Compose(params AlertCandidate[] items) =>
        DigestComposer.Compose(new DigestRequest("po@croydon.example", "alerts@scheduler.example", "https://sched.example/", D(2017, 12, 14), items, Names));

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
    public void Sections_come_in_severity_order_within_each_authority()
    {
        var email = Compose(
            Item(AlertLevel.Upcoming, rule: "u", title: "Upcoming thing"),
            Item(AlertLevel.Due, rule: "d", title: "Due thing"),
            Item(AlertLevel.Escalated, rule: "e", title: "Escalated thing", daysOverdue: 4),
            Item(AlertLevel.Overdue, rule: "o", title: "Overdue thing", daysOverdue: 1),
            Item(AlertLevel.Overdue, rule: "s", title: "Sutton thing", authority: "SUT", daysOverdue: 2));

        var text = email.Text;
        int At(string s) => text.IndexOf(s, StringComparison.Ordinal);
        Assert.True(At("Escalated (1)") < At("Overdue (1)"));
        Assert.True(At("Overdue (1)") < At("Due today (1)"));
        Assert.True(At("Due today (1)") < At("Coming up (1)"));
        Assert.True(At("Escalated thing") < At("Overdue thing"));
        Assert.True(At("Croydon (CRO)") < At("Escalated thing"));
        Assert.True(At("Sutton (SUT)") > At("Upcoming thing"));
        Assert.Contains("escalated: overdue by 4 working days", text);
        Assert.Equal("1 escalated, 2 overdue, 1 due today, 1 due soon — Croydon and Sutton oversight calendar", email.Subject);
    }

    [Fact]
    public void Links_point_at_the_episode_calendar_or_the_case()
    {
        var email = Compose(
            Item(AlertLevel.Due, rule: "a"),
            Item(AlertLevel.Due, rule: "b", kind: SubjectKind.Case, subjectId: "CR/2017/0042"));

        Assert.Contains("https://sched.example/api/authorities/CRO/episodes/ep-2017-09/calendar", email.Text);
        Assert.Contains("https://sched.example/api/authorities/CRO/cases/CR%2F2017%2F0042", email.Text);
        Assert.Contains("href=\"https://sched.example/api/authorities/CRO/cases/CR%2F2017%2F0042\"", email.Html);
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

        Assert.Single(Regex.Matches(email.Text, "Written statement of action"));
        Assert.StartsWith("1 escalated: Written statement of action", email.Subject);
    }

    [Fact]
    public void Digest_key_and_message_id_are_deterministic_and_depend_on_recipient_and_items()
    {
        var items = new[] { Item(AlertLevel.Due, rule: "a"), Item(AlertLevel.Overdue, rule: "b", daysOverdue: 1) };
        var one = DigestComposer.Compose(new DigestRequest("po@croydon.example", "alerts@scheduler.example", "https://sched.example", D(2017, 12, 14), items, Names));
        var again = DigestComposer.Compose(new DigestRequest("PO@croydon.example", "alerts@scheduler.example", "https://sched.example", D(2017, 12, 14), [.. items.Reverse()], Names));
        var other = DigestComposer.Compose(new DigestRequest("dcs@croydon.example", "alerts@scheduler.example", "https://sched.example", D(2017, 12, 14), items, Names));

        Assert.Equal(one.IdempotencyKey, again.IdempotencyKey);
        Assert.NotEqual(one.IdempotencyKey, other.IdempotencyKey);
        Assert.StartsWith("digest.20171214.", one.IdempotencyKey);
        Assert.Equal($"<{one.IdempotencyKey}@scheduler.example>", one.Headers["Message-ID"]);
        Assert.Matches("^[A-Za-z0-9_.~-]+$", one.IdempotencyKey);
    }

    [Fact]
    public void Nominal_dates_on_non_working_days_are_explained()
    {
        var item = Item(AlertLevel.Due, kind: SubjectKind.Case, subjectId: "CR-1", effective: D(2017, 12, 22)) with { Due = D(2017, 12, 25) };
        var email = Compose(item);

        Assert.Contains("due Fri 22 Dec 2017", email.Text);
        Assert.Contains("nominal date Mon 25 Dec 2017 is not a working day", email.Text);
    }

    [Fact]
    public void Empty_digests_and_bad_base_urls_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Compose());
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose(
            new DigestRequest("a@b.example", "c@d.example", "javascript:alert(1)", D(2017, 12, 14), [Item(AlertLevel.Due)])));
    }
}
