using Scheduler.Returns.Ssda903;
using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>Codes are checked against the collection year's lists: PLACE lost H5, P2 and Z1 and gained K3, Z11–Z14 by 2025/26.</summary>
public sealed class CodeListYearTests
{
    [Fact]
    public void H5_is_a_placement_in_2023_24()
    {
        var result = Import903("903-2023-24", Today2024, year: 2024);

        Assert.DoesNotContain(result.Problems, p => p.Column == "PLACE");
        Assert.Equal("2023/24", result.Year.Label);
        Assert.Contains(result.Cases, c => c.CaseReference == "C700");
    }

    [Fact]
    public void H5_is_not_a_placement_in_2025_26()
    {
        var result = Import903("903-2023-24", Today2024, year: 2026);

        var problem = Assert.Single(result.Problems, p => p.Column == "PLACE");
        Assert.Equal(("a.csv", LineStarting(Data("903-2023-24", "a.csv"), "C700,")), (problem.File, problem.Line!.Value));
        Assert.Contains("'H5'", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("2025/26", problem.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Cases, c => c.CaseReference == "C700");
        Assert.Contains(result.Cases, c => c.CaseReference == "C100");
    }

    [Fact]
    public void K3_and_Z11_are_placements_in_2025_26_but_not_in_2023_24()
    {
        var current = Import903("903-2025-26", Today2026, year: 2026);
        Assert.Contains(current.Cases, c => c.CaseReference == "D100");
        Assert.Contains(current.Cases, c => c.CaseReference == "D700");

        var old = Import903("903-2025-26", Today2026, year: 2024);
        var place = old.Problems.Where(p => p.Column == "PLACE").Select(p => p.Reason).ToList();
        Assert.Contains(place, r => r.Contains("child D100", StringComparison.Ordinal) && r.Contains("'Z11'", StringComparison.Ordinal));
        Assert.Contains(place, r => r.Contains("child D700", StringComparison.Ordinal) && r.Contains("'K3'", StringComparison.Ordinal));
        Assert.DoesNotContain(old.Cases, c => c.CaseReference is "D100" or "D700");
    }

    [Theory]
    [InlineData(2023, "H5", true)]
    [InlineData(2024, "K3", false)]
    [InlineData(2025, "K3", true)]
    [InlineData(2025, "H5", true)]
    [InlineData(2025, "Z11", false)]
    [InlineData(2026, "H5", false)]
    [InlineData(2026, "P2", false)]
    [InlineData(2026, "Z1", false)]
    [InlineData(2026, "Z14", true)]
    [InlineData(2027, "K3", true)]
    public void Placement_codes_by_year(int endYear, string code, bool allowed)
    {
        Assert.Equal(allowed, Ssda903CodeLists.For(new CollectionYear(endYear))!.Allows("PLACE", code));
    }

    [Fact]
    public void A_year_without_code_lists_is_refused()
    {
        Assert.Null(Ssda903CodeLists.For(new CollectionYear(2022)));
        var ex = Assert.Throws<UnsupportedYearException>(() => Import903("903-2023-24", Today2024, year: 2030));
        Assert.Contains("2022/23 to 2026/27", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_defaults_to_the_latest_ended_by_today()
    {
        Assert.Equal("2023/24", Import903("903-2023-24", Today2024).Year.Label);
    }

    [Theory]
    [InlineData("2024", 2024)]
    [InlineData("2023/24", 2024)]
    [InlineData("2023-24", 2024)]
    [InlineData("2025/26", 2026)]
    public void Collection_years_parse(string text, int endYear)
    {
        Assert.Equal(new CollectionYear(endYear), CollectionYear.Parse(text));
    }

    [Theory]
    [InlineData("2023/25")]
    [InlineData("24")]
    [InlineData("next year")]
    public void Not_collection_years(string text)
    {
        Assert.Null(CollectionYear.Parse(text));
    }

    [Fact]
    public void A_collection_year_runs_from_April_to_March()
    {
        Assert.Equal(new CollectionYear(2024), CollectionYear.LatestEndedBy(new NodaTime.LocalDate(2024, 4, 1)));
        Assert.Equal(new CollectionYear(2023), CollectionYear.LatestEndedBy(new NodaTime.LocalDate(2024, 3, 31)));
        Assert.Equal(new CollectionYear(2026), CollectionYear.Containing(new NodaTime.LocalDate(2026, 3, 31)));
    }
}
