using System.Text.RegularExpressions;
using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>Event ids come from child, kind and date only: the same return twice, or next year's, yields the same ids.</summary>
public sealed partial class IdempotencyTests
{
    private const string Header = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    [Fact]
    public void Importing_the_same_903_return_twice_gives_identical_ids()
    {
        var first = Import903("903-2023-24", Today2024);
        var second = Import903("903-2023-24", Today2024);

        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(Ids(first).Count, Ids(first).Distinct().Count());
    }

    [Fact]
    public void Importing_the_same_census_twice_gives_identical_ids()
    {
        Assert.Equal(Ids(ImportCin("census-2023-24.xml", Today2024)), Ids(ImportCin("census-2023-24.xml", Today2024)));
    }

    [Fact]
    public void Ids_name_the_child_the_kind_and_the_date()
    {
        var c100 = Import903("903-2023-24", Today2024).Case("C100");
        var cin001 = ImportCin("census-2023-24.xml", Today2024).Case("CIN001");

        Assert.Equal("ret-C100-placement_started-20230904", c100.Events[1].Id);
        Assert.Equal(new EventNaturalKey("C100", "placement_started", new NodaTime.LocalDate(2023, 9, 4)), c100.Events[1].Key);
        Assert.Contains("ret-CIN001-milestone_completed.assessment_45wd-20231020", cin001.Events.Select(e => e.Id));
        Assert.All(Ids(ImportCin("census-2023-24.xml", Today2024)).Concat(Ids(Import903("903-2023-24", Today2024))), id => Assert.Matches(EventIdPattern(), id));
    }

    [Fact]
    public void Next_years_return_repeats_the_open_episode_and_adds_only_what_is_new()
    {
        // 2023/24: looked after on 4 Sep 2023, reviewed 2 Oct 2023.
        var year1 = Import903(
            [
                Text("e.csv", Header + "C1,04/09/2023,S,C2,N1,U6,PR1,,,,,,\n"),
                Text("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,02/10/2023,PN1\n"),
            ],
            new NodaTime.LocalDate(2024, 5, 1));

        // 2024/25: the episode open on 1 April is repeated with its original start; a move and a review follow.
        var year2 = Import903(
            [
                Text("e.csv", Header + "C1,04/09/2023,S,C2,N1,U6,PR1,01/06/2024,X1,CARPL,,,\nC1,01/06/2024,P,C2,N1,U4,PR1,,,,,,\n"),
                Text("r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,,02/04/2024,PN1\n"),
            ],
            new NodaTime.LocalDate(2025, 5, 1));

        var before = Ids(year1).ToHashSet();
        var after = Ids(year2);
        Assert.Contains("ret-C1-became_looked_after-20230904", before);
        Assert.Contains("ret-C1-placement_started-20230904", after);
        Assert.Equal(["ret-C1-placement_started-20240601", "ret-C1-looked_after_review_held-20240402"], after.Where(id => !before.Contains(id)).Order(StringComparer.Ordinal).Reverse());
    }

    private static List<string> Ids(ImportResult result) => [.. result.Cases.SelectMany(c => c.Events).Select(e => e.Id)];

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex EventIdPattern();
}
