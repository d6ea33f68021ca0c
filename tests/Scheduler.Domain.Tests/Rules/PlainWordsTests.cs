using System.Text.RegularExpressions;
using Scheduler.Domain.Rules;

namespace Scheduler.Domain.Tests.Rules;

/// <summary>Every rule explains itself in plain words for the people alerted, without catalogue jargon.</summary>
public sealed partial class PlainWordsTests
{
    public static TheoryData<string> AllRuleIds => [.. RuleSets.All.SelectMany(s => s.Rules).Select(r => r.Id).Distinct()];

    [Fact]
    public void The_catalogue_has_every_rule_listed_in_the_docs()
    {
        // 12 handbook rules, 5 ILACS rules, 7 DfE, 6 local governance and 24 child-level rules (docs/rules.md).
        Assert.Equal(54, AllRuleIds.Count);
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void Every_rule_says_what_it_means_and_what_to_do(string id)
    {
        var rule = RuleSets.FindRule(id)!;

        foreach (var (field, text) in new[] { ("Plain", rule.Plain), ("Ask", rule.Ask) })
        {
            Assert.False(string.IsNullOrWhiteSpace(text), $"{id}.{field} is empty");
            Assert.True(char.IsUpper(text[0]), $"{id}.{field} should start with a capital: {text}");
            Assert.EndsWith(".", text);
            Assert.True(text.Length <= 320, $"{id}.{field} is {text.Length} characters: keep it to one or two sentences");
        }

        Assert.True(Sentences().Matches(rule.Plain).Count <= 2, $"{id}.Plain has more than two sentences: {rule.Plain}");
        Assert.True(Sentences().Matches(rule.Ask).Count <= 1, $"{id}.Ask has more than one sentence: {rule.Ask}");
    }

    [Theory]
    [MemberData(nameof(AllRuleIds))]
    public void No_plain_words_start_with_or_mention_a_rule_id_reference_or_spec_line(string id)
    {
        var rule = RuleSets.FindRule(id)!;
        var ids = RuleSets.All.SelectMany(s => s.Rules).Select(r => r.Id).ToHashSet();

        foreach (var text in new[] { rule.Plain, rule.Ask })
        {
            Assert.DoesNotMatch(CatalogueReference(), text);
            Assert.DoesNotMatch(SpecLine(), text);
            Assert.DoesNotMatch(Identifier(), text);
            Assert.All(ids, other => Assert.DoesNotContain(other, text, StringComparison.OrdinalIgnoreCase));
        }
    }

    // A sentence ends with '.', '!' or '?' followed by a space and a capital, or at the end of the text.
    [GeneratedRegex(@"[.!?](\s+(?=[A-Z])|$)")]
    private static partial Regex Sentences();

    // "A4", "E12", "B2–B3": catalogue references.
    [GeneratedRegex(@"\b[A-E][0-9]{1,2}\b")]
    private static partial Regex CatalogueReference();

    // "S0:L745": our spec's line citations.
    [GeneratedRegex(@"\bS[0-9]+:L[0-9]+")]
    private static partial Regex SpecLine();

    // snake_case identifiers such as action_plan_submission.
    [GeneratedRegex(@"\b[a-z0-9]+_[a-z0-9_]+\b")]
    private static partial Regex Identifier();
}
