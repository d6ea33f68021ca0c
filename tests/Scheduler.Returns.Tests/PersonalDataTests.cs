using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>
/// Distinctive values are planted in every personal column of every 903 file and every personal element of the
/// census (and a name in a file whose header is not a 903 header, and in a code element); none of them may appear
/// anywhere in what the importer returns.
/// </summary>
public sealed class PersonalDataTests
{
    /// <summary>Every planted value, with dates in both the returns' forms and ISO.</summary>
    public static readonly string[] Planted =
    [
        "PIISEX7", "PIISEX8", "29/02/2008", "2008-02-29", "31/12/1999", "1999-12-31", "PIIETHNIC", "PIIUPN000111",
        "PIIUPN000222", "PIIUPN000333", "Persephone", "Quartermain", "PII1 1HP", "PII2 2PP", "PIIURN77", "PIISWID",
        "PIIFORMERUPN", "PIIGENDER", "PIIETHNICITY", "PIIDISABILITY", "2008-02", "1999-12",
    ];

    [Fact]
    public void No_personal_value_from_a_903_return_appears_in_the_result_or_report()
    {
        var result = Import903("903-privacy", Today2024);
        var json = ReportOf(result, Today2024).ToJson();

        // The import did read the return: the case is there and the personal columns are named.
        Assert.Equal("P100", Assert.Single(result.Cases).CaseReference);
        Assert.Equal(
            ["DOB", "ETHNIC", "HOME_POST", "MC_DOB", "MOTHER", "PL_POST", "SEX", "UPN", "URN"],
            result.DroppedColumns.Order(StringComparer.Ordinal));
        Assert.Single(result.Problems, p => p.File == "notacsvheader.csv");
        AssertNoneIn(json);
        AssertNoneIn(string.Join("\n", result.Notes));
        AssertNoneIn(string.Join("\n", result.Problems.Select(p => $"{p.File} {p.Line} {p.Column} {p.Reason}")));
    }

    [Fact]
    public void No_personal_value_from_a_census_appears_in_the_result_or_report()
    {
        var result = ImportCin("census-privacy.xml", Today2024);
        var json = ReportOf(result, Today2024).ToJson();

        Assert.Equal("P200", Assert.Single(result.Cases).CaseReference);
        Assert.Equal(
            new[] { "Disabilities", "ExpectedPersonBirthDate", "FormerUPN", "GenderCurrent", "PersonBirthDate", "Sex", "UPN", "Ethnicity" }.Order(StringComparer.Ordinal),
            result.DroppedColumns.Order(StringComparer.Ordinal));

        // P201's bad date and the name typed into a code element are reported without their values.
        Assert.Equal(2, result.Problems.Count(p => p.Reason.StartsWith("child P201:", StringComparison.Ordinal)));
        AssertNoneIn(json);
        AssertNoneIn(string.Join("\n", result.Problems.Select(p => p.Reason)));
    }

    [Fact]
    public void Every_planted_value_is_in_the_input()
    {
        var input = string.Join("\n", Directory.GetFiles(Data("903-privacy")).Append(Data("cin", "census-privacy.xml")).Select(File.ReadAllText));

        Assert.All(Planted, value => Assert.Contains(value, input, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_event_field_is_one_the_API_accepts()
    {
        var allowed = new HashSet<string> { "date", "kind", "milestone" };
        var events = Import903("903-privacy", Today2024).Cases.Concat(ImportCin("census-privacy.xml", Today2024).Cases).SelectMany(c => c.Events);

        Assert.All(events, e => Assert.Subset(allowed, e.Fields.Keys.ToHashSet()));
    }

    internal static void AssertNoneIn(string text)
    {
        foreach (var value in Planted)
        {
            Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' appears in the output");
        }
    }
}
