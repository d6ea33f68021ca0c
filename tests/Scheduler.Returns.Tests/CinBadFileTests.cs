using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>Bad values in a census are reported with file, line and element; the other children import.</summary>
public sealed class CinBadFileTests
{
    private static readonly ImportResult Result = ImportCin("census-bad.xml", Today2026);
    private static readonly string File = Data("cin", "census-bad.xml");

    [Theory]
    [InlineData("BAD001", "<ReasonForClosure>RC99", "ReasonForClosure", "'RC99' is not in the census code set")]
    [InlineData("BAD002", "<CINreferralDate>2025-13-01", "CINreferralDate", "is not a real date")]
    [InlineData("BAD003", "<CINreferralDate>25-10-01", "CINreferralDate", "has a two-digit year")]
    [InlineData("BAD004", "<S47ActualStartDate>2026-06-02", "S47ActualStartDate", "2026-06-02 is after today (2026-05-20)")]
    [InlineData("BAD005", "<CPPreviewDate>2025-10-10", "CPPreviewDate", "is before the plan started (2025-10-20)")]
    public void Each_bad_value(string child, string marker, string element, string reason)
    {
        var problem = Assert.Single(Result.Problems, p => p.Reason.StartsWith($"child {child}:", StringComparison.Ordinal));

        Assert.Equal(("census-bad.xml", LineStarting(File, marker), element), (problem.File, problem.Line!.Value, problem.Column));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_id_that_is_not_letters_and_digits()
    {
        Assert.Contains(new ImportProblem("census-bad.xml", LineStarting(File, "<LAchildID>AB-12"), "LAchildID", "LAchildID must be 1–20 letters and digits; the child was not read."), Result.Problems);
    }

    [Fact]
    public void A_child_twice_is_not_imported_at_all()
    {
        var second = System.IO.File.ReadAllLines(File).Select((l, i) => (l, i)).Where(x => x.l.Contains("<LAchildID>DUP01", StringComparison.Ordinal)).Last().i + 1;

        var problem = Assert.Single(Result.Problems, p => p.Reason.StartsWith("child DUP01:", StringComparison.Ordinal));
        Assert.Equal(second, problem.Line);
        Assert.DoesNotContain(Result.Cases, c => c.CaseReference == "DUP01");
    }

    [Fact]
    public void The_good_child_imports()
    {
        Assert.Equal("GOOD01", Assert.Single(Result.Cases).CaseReference);
    }

    [Fact]
    public void A_census_cut_short_reports_where_and_keeps_the_children_read_whole()
    {
        var whole = System.IO.File.ReadAllText(Data("cin", "census-2023-24.xml"));
        var cut = whole[..whole.IndexOf("<LAchildID>CIN003", StringComparison.Ordinal)];

        var result = ImportCin(Text("cut.xml", cut), Today2024);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("cut.xml", problem.File);
        Assert.Contains("not well-formed XML", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["CIN001", "CIN002"], result.Cases.Select(c => c.CaseReference));
    }

    [Fact]
    public void A_file_that_is_not_a_census()
    {
        var result = ImportCin(Text("other.xml", "<Return><Child/></Return>"), Today2024);

        Assert.Equal(0, result.FilesRead);
        Assert.Equal(new ImportProblem("other.xml", 1, "Return", "The root element is not Message: this is not a CIN census file; nothing was read."), Assert.Single(result.Problems));
    }

    [Fact]
    public void A_document_type_definition_is_refused()
    {
        var result = ImportCin(Text("dtd.xml", "<?xml version=\"1.0\"?><!DOCTYPE Message [<!ENTITY x \"y\">]><Message><Children/></Message>"), Today2024);

        Assert.Contains("not well-formed XML", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }
}
