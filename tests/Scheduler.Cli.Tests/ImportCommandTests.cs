using System.Text.Json;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler import 903|cin</c> on the synthetic returns of tests/Scheduler.Returns.Tests/TestData.</summary>
public sealed class ImportCommandTests
{
    private static readonly string[] Planted =
    [
        "PIISEX7", "PIISEX8", "29/02/2008", "2008-02-29", "31/12/1999", "1999-12-31", "PIIETHNIC", "PIIUPN000111",
        "PIIUPN000222", "PIIUPN000333", "Persephone", "Quartermain", "PII1 1HP", "PII2 2PP", "PIIURN77", "PIISWID",
        "PIIFORMERUPN", "PIIGENDER", "PIIETHNICITY", "PIIDISABILITY",
    ];

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    [Fact]
    public void Import_903_prints_cases_events_milestones_dropped_columns_and_problems()
    {
        using var doc = JsonDocument.Parse(Cli.Run("import", "903", Data("903-2023-24"), "--today", "2024-05-15").ShouldSucceed().Stdout);
        var root = doc.RootElement;

        Assert.Equal("2023/24", root.GetProperty("collection_year").GetString());
        var c100 = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("case_ref").GetString() == "C100");
        Assert.Equal("LAC", c100.GetProperty("type").GetString());
        var placement = c100.GetProperty("events")[1];
        Assert.Equal(
            """{"id":"ret-C100-placement_started-20230904","type":"placement_started","date":"2023-09-04","kind":"long_term_foster"}""",
            JsonSerializer.Serialize(placement));

        // 6 months after the review of Tue 2 Jan 2024: Tue 2 Jul 2024.
        var review = c100.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "lac_review_subsequent_6m/1/1");
        Assert.Equal(("2024-07-02", "upcoming"), (review.GetProperty("due").GetString(), review.GetProperty("status").GetString()));
        Assert.Contains("MOTHER", root.GetProperty("dropped_columns").EnumerateArray().Select(c => c.GetString()));
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray());
        Assert.Equal(["file", "line", "column", "reason"], problem.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("extra.csv", 1), (problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt32()));
    }

    [Fact]
    public void Import_903_text_summarises()
    {
        var run = Cli.Run("import", "903", Data("903-2023-24"), "--today", "2024-05-15", "--format", "text").ShouldSucceed();

        Assert.StartsWith("SSDA903 import, collection year 2023/24, as of 2024-05-15\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Cases: 8 (LAC 8)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  extra.csv:1: The header row is not one of the SSDA903 files", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("C300", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_option_applies_that_years_code_lists()
    {
        using var doc = JsonDocument.Parse(Cli.Run("import", "903", Data("903-2023-24"), "--today", "2024-05-15", "--year", "2025/26").ShouldSucceed().Stdout);

        var place = Assert.Single(doc.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("column").GetString() == "PLACE");
        Assert.Contains("'H5'", place.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Today_defaults_to_the_clock()
    {
        using var doc = JsonDocument.Parse(Cli.Run(FixedClock.On(2024, 5, 15), "import", "903", Data("903-2023-24")).ShouldSucceed().Stdout);

        Assert.Equal("2023/24", doc.RootElement.GetProperty("collection_year").GetString());
    }

    [Fact]
    public void Import_cin_prints_child_protection_cases()
    {
        using var doc = JsonDocument.Parse(Cli.Run("import", "cin", Data("cin", "census-2023-24.xml"), "--today", "2024-05-15").ShouldSucceed().Stdout);

        var cin002 = doc.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("case_ref").GetString() == "CIN002");
        Assert.Equal("CP", cin002.GetProperty("type").GetString());

        // Wed 10 Jan 2024 + 15 working days = Wed 31 Jan 2024; the enquiry needed no conference.
        var icpc = cin002.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("rule").GetString() == "icpc_15wd");
        Assert.Equal(("2024-01-31", "not_applicable"), (icpc.GetProperty("due").GetString(), icpc.GetProperty("status").GetString()));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void No_personal_value_appears_in_the_output(string format)
    {
        var runs = new[]
        {
            Cli.Run("import", "903", Data("903-privacy"), "--today", "2024-05-15", "--format", format),
            Cli.Run("import", "cin", Data("cin", "census-privacy.xml"), "--today", "2024-05-15", "--format", format),
        };

        foreach (var run in runs)
        {
            Assert.Equal(0, run.ExitCode);
            Assert.Contains(run.Stdout.Contains("P100", StringComparison.Ordinal) ? "P100" : "P200", run.Stdout, StringComparison.Ordinal);
            foreach (var value in Planted)
            {
                Assert.False((run.Stdout + run.Stderr).Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' appears in the {format} output");
            }
        }
    }

    [Theory]
    [InlineData("903", "no-such-folder")]
    [InlineData("cin", "no-such-file.xml")]
    public void A_missing_input_exits_2(string kind, string name)
    {
        var run = Cli.Run("import", kind, Path.Combine(AppContext.BaseDirectory, name), "--today", "2024-05-15");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("scheduler: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("24")]
    [InlineData("2030")]
    public void A_bad_or_unsupported_year_exits_2(string year)
    {
        var run = Cli.Run("import", "903", Data("903-2023-24"), "--today", "2024-05-15", "--year", year);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("scheduler: --year: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_no_903_file_exits_2()
    {
        var run = Cli.Run("import", "903", Data("cin"), "--today", "2024-05-15");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no SSDA903 file recognised", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_census_exits_2()
    {
        var run = Cli.Run("import", "cin", Data("903-2023-24", "a.csv"), "--today", "2024-05-15");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Stderr.TrimEnd('\n').Split('\n'));
    }
}
