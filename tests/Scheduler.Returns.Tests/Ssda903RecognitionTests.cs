using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>Each 903 file is known by its header row, whatever it is called.</summary>
public sealed class Ssda903RecognitionTests
{
    [Fact]
    public void Files_are_known_by_their_header_row_not_their_name()
    {
        var result = Import903("903-2023-24", Today2024);

        // a.csv holds episodes, b.txt reviews, reviews.csv the Missing file, children.csv the Header, sw.csv SW episodes.
        Assert.Equal(5, result.FilesRead);
        var c100 = result.Case("C100");
        Assert.All(c100.Events.Where(e => e.Type == "placement_started"), e => Assert.Equal("a.csv", e.Source.File));
        Assert.All(c100.Events.Where(e => e.Type == "looked_after_review_held"), e => Assert.Equal("b.txt", e.Source.File));
        Assert.Contains(result.Notes, n => n.StartsWith("reviews.csv (Missing): not imported", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("sw.csv (SW episodes): not imported", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.StartsWith("children.csv (Header)", StringComparison.Ordinal));
    }

    [Fact]
    public void Column_order_case_and_spaces_do_not_matter()
    {
        var file = Text("whatever.dat", " rne ,Child,DECOM,ls,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nS,K1,01/05/2023,V2,N1,U6,PR1,,,,,,\n");

        var result = Import903([file], Today2024);

        Assert.Empty(result.Problems);
        Assert.Equal([("became_looked_after", "2023-05-01", null), ("placement_started", "2023-05-01", "standard")], result.Case("K1").Shape());
    }

    [Fact]
    public void A_file_with_an_unknown_header_is_a_problem_and_is_not_read()
    {
        var result = Import903("903-2023-24", Today2024);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(new ImportProblem("extra.csv", 1, null, problem.Reason), problem);
        Assert.Contains("not one of the SSDA903 files", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Cases, c => c.CaseReference.StartsWith("C90", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_with_a_column_missing_is_not_recognised()
    {
        var file = Text("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST\nK1,01/05/2023,S,V2,N1,U6,PR1,,,,,\n");

        var result = Import903([file], Today2024);

        Assert.Equal(0, result.FilesRead);
        Assert.Equal(("episodes.csv", 1), (result.Problems[0].File, result.Problems[0].Line!.Value));
        Assert.Empty(result.Cases);
    }

    [Fact]
    public void An_empty_file_is_a_problem()
    {
        var result = Import903([Text("empty.csv", string.Empty)], Today2024);

        Assert.Equal("empty.csv", Assert.Single(result.Problems).File);
    }

    [Fact]
    public void Unbalanced_quotes_are_reported_at_their_line()
    {
        var file = Text("episodes.csv", "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nK1,01/05/2023,S,V2,N1,U6,PR1,,,,,,\nK2,\"01/05/2023,S,V2,N1,U6,PR1,,,,,,\n");

        var result = Import903([file], Today2024);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("not valid CSV", problem.Reason, StringComparison.Ordinal);
    }
}
