using System.Reflection;
using System.Text.RegularExpressions;
using Scheduler.Domain.Alerts;
using Scheduler.Domain.Alerts.Composition;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Alerts.AlertFixtures;

namespace Scheduler.Domain.Tests.Alerts;

/// <summary>
/// The digest carries no child's personal data: only case references, rule titles and plain words, dates and levels,
/// and the links the caller signed. Every input field that is not on the allow-list carries a canary, which must
/// never reach the email.
/// </summary>
public sealed class NoPersonalDataTests
{
    // What an email may show, by input field: written here, not read from the composer.
    private static readonly HashSet<string> AllowedCandidateStrings = ["AuthorityCode", "SubjectId", "Title"];
    private static readonly HashSet<string> AllowedPlaceholders =
    [
        "sweepDate", "summary", "authorities", "authorityName", "sections", "sectionTitle", "items", "levelWord",
        "levelColour", "levelBadge", "title", "subjectLabel", "subjectId", "status", "plain", "ask", "link",
    ];

    [Fact]
    public void Templates_use_only_allowed_placeholders()
    {
        foreach (var name in DigestComposer.TemplateNames)
        {
            var used = MiniTemplate.Names(DigestComposer.LoadTemplate(name));
            Assert.Subset(AllowedPlaceholders, used.ToHashSet());
            Assert.Contains("subjectId", used);
        }
    }

    [Fact]
    public void Canaries_in_non_allowed_inputs_never_reach_the_email()
    {
        var candidateStrings = typeof(AlertCandidate)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanWrite)
            .Select(p => p.Name)
            .ToList();
        Assert.Contains("Rule", candidateStrings);

        Assert.Contains("Step", candidateStrings);

        var items = Fixture().Select(Poison).ToList();
        var email = DigestComposer.Compose(new DigestRequest(
            "po@croydon.example", "alerts@scheduler.example", D(2017, 12, 14), [.. items.Select(i => new DigestItem(i, "https://sched.example/a/t"))],
            new Dictionary<string, string> { ["CRO"] = "Croydon" }));

        var everything = string.Join("\n", email.Subject, email.Text, email.Html, string.Join("\n", email.Headers.Values));
        Assert.DoesNotContain("CANARY", everything, StringComparison.OrdinalIgnoreCase);

        // The allowed fields do arrive, so the canary check is not vacuous.
        Assert.Contains("CR-000123", email.Text);
        Assert.Contains("Review child protection conference", email.Html);

        AlertCandidate Poison(AlertCandidate c)
        {
            var copy = c with { };
            foreach (var name in candidateStrings.Where(n => !AllowedCandidateStrings.Contains(n)))
            {
                typeof(AlertCandidate).GetProperty(name)!.SetValue(copy, $"CANARY-{name}-Jane Smith, 12 Acacia Avenue");
            }

            return copy;
        }
    }

    [Fact]
    public void Who_acknowledged_and_why_never_reach_the_email()
    {
        // Acknowledged Wed 13 – Fri 22 Dec 2017; the escalation it held back goes out on Wed 27 Dec.
        var ack = new Acknowledgement(ActionPlanKey, D(2017, 12, 11), "CANARY-by jane.smith@example.com", D(2017, 12, 13), "CANARY-reason Jane Smith is off sick", D(2017, 12, 22));
        var alerts = Default().Evaluate(Croydon, ActionPlan(), D(2017, 12, 27), D(2017, 12, 22), new MilestoneAlertState([ack]));
        Assert.NotEmpty(alerts);

        var email = DigestComposer.Compose(new DigestRequest(
            "po@croydon.example", "alerts@scheduler.example", D(2017, 12, 27), [.. alerts.Select(a => new DigestItem(a, "https://sched.example/a/t"))]));

        var everything = string.Join("\n", email.Subject, email.Text, email.Html, string.Join("\n", email.Headers.Values));
        Assert.DoesNotContain("CANARY", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", everything, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Jane Smith")]
    [InlineData("jane.smith@example.com")]
    [InlineData("CR 1 DOB 01/02/2010")]
    public void A_subject_reference_that_is_not_a_reference_is_withheld(string notAReference)
    {
        var item = DigestComposerTests.Item(AlertLevel.Overdue, kind: SubjectKind.Case, subjectId: notAReference, daysOverdue: 1);
        var email = DigestComposer.Compose(new DigestRequest(
            "tm@croydon.example", "alerts@scheduler.example", D(2017, 12, 14), [new DigestItem(item, "https://sched.example/a/opaque-token")]));

        Assert.DoesNotContain(notAReference, email.Text);
        Assert.DoesNotContain(notAReference, email.Html);
        Assert.DoesNotContain(Uri.EscapeDataString(notAReference), email.Html);
        Assert.Contains(SubjectReference.Withheld, email.Text);

        // The signed link names no reference, so the item can still be acted on.
        Assert.Contains("Act on it: https://sched.example/a/opaque-token", email.Text);
    }

    [Fact]
    public void No_personal_data_field_labels_appear()
    {
        var email = DigestComposer.Compose(new DigestRequest(
            "po@croydon.example", "alerts@scheduler.example", D(2017, 12, 14), [.. Fixture().Select(i => new DigestItem(i, "https://sched.example/a/t"))]));
        var forbidden = new Regex(@"\b(name|first name|surname|date of birth|dob|d\.o\.b|address|postcode|post code|nhs number)\s*[:=]", RegexOptions.IgnoreCase);

        Assert.DoesNotMatch(forbidden, email.Text);
        Assert.DoesNotMatch(forbidden, email.Html);
        Assert.DoesNotMatch(new Regex(@"<th[^>]*>\s*(name|dob|date of birth|address|postcode)\s*<", RegexOptions.IgnoreCase), email.Html);
    }

    private static List<AlertCandidate> Fixture()
    {
        var evaluator = Default();
        var alerts = new List<AlertCandidate>();
        alerts.AddRange(evaluator.Evaluate(Croydon, ActionPlan(), D(2017, 12, 14), null));
        alerts.AddRange(evaluator.Evaluate(Croydon, ActionPlanningVisit(), D(2017, 10, 9), null));
        var cp = CpReviewOverChristmas() with { Title = "Review child protection conference" };
        alerts.AddRange(evaluator.Evaluate(AlertSubject.Case("CRO", "CR-000123"), cp, D(2017, 12, 27), null));
        alerts.AddRange(evaluator.Evaluate(AlertSubject.Case("CRO", "CR/2017/77"), cp, D(2017, 12, 22), null));
        return [.. alerts.Where(a => a.RecipientRole is Role.PO or Role.TM)];
    }
}
