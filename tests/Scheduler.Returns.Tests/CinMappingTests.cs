using Scheduler.Domain.Children;
using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>The census's child protection records to events, against the synthetic 2023/24 census.</summary>
public sealed class CinMappingTests
{
    private static readonly ImportResult Result = ImportCin("census-2023-24.xml", Today2024);

    [Fact]
    public void Referral_assessment_enquiry_conference_plan_and_review()
    {
        Assert.Equal(
            [
                ("referral_received", "2023-09-04", null),
                ("milestone_completed", "2023-09-05", "referral_decision_1wd/1/1"),
                ("strategy_discussion", "2023-09-06", null),
                ("icpc_held", "2023-09-25", null),
                ("milestone_completed", "2023-10-20", "assessment_45wd/1/1"),
                ("cp_review_held", "2023-12-22", null),
            ],
            Result.Case("CIN001").Shape());
        Assert.Equal(CaseType.ChildProtection, Result.Case("CIN001").Type);
    }

    [Fact]
    public void An_enquiry_that_needed_no_conference_and_a_closed_episode()
    {
        Assert.Equal(
            [
                ("referral_received", "2024-01-08", null),
                ("strategy_discussion", "2024-01-10", null),
                ("icpc_not_required", "2024-01-10", null),
                ("milestone_completed", "2024-01-10", "referral_decision_1wd/1/1"),
                ("case_closed", "2024-02-01", null),
            ],
            Result.Case("CIN002").Shape());
    }

    [Fact]
    public void A_conference_with_no_plan_ends_the_plan_the_day_it_was_held()
    {
        Assert.Equal(
            [
                ("referral_received", "2023-10-30", null),
                ("strategy_discussion", "2023-11-01", null),
                ("milestone_completed", "2023-11-01", "referral_decision_1wd/1/1"),
                ("icpc_held", "2023-11-20", null),
                ("cp_plan_ended", "2023-11-20", null),
            ],
            Result.Case("CIN005").Shape());
    }

    [Fact]
    public void The_case_follows_the_current_episode()
    {
        // CIN006's referral of 3 Apr 2023 closed with no further action; the one of 13 Nov 2023 led to a plan.
        Assert.Equal(
            [
                ("referral_received", "2023-11-13", null),
                ("strategy_discussion", "2023-11-14", null),
                ("milestone_completed", "2023-11-14", "referral_decision_1wd/1/1"),
                ("icpc_held", "2023-12-04", null),
                ("cp_review_held", "2024-03-01", null),
                ("cp_plan_ended", "2024-03-11", null),
            ],
            Result.Case("CIN006").Shape());
        Assert.Contains(Result.Notes, n => n.StartsWith("child CIN006: 1 other CINdetails", StringComparison.Ordinal));
    }

    [Fact]
    public void Children_in_need_without_child_protection_are_not_imported()
    {
        Assert.Equal(["CIN001", "CIN002", "CIN003", "CIN005", "CIN006"], Result.Cases.Select(c => c.CaseReference));
        Assert.Contains(Result.Notes, n => n.StartsWith("1 child(ren) whose current CINdetails has no section 47 enquiry", StringComparison.Ordinal));
        Assert.Empty(Result.Problems);
    }

    [Fact]
    public void The_year_comes_from_the_census_header()
    {
        Assert.Equal("2023/24", Result.Year.Label);
    }

    [Fact]
    public void Events_carry_the_line_and_element_they_came_from()
    {
        var icpc = Result.Case("CIN001").Events.Single(e => e.Type == "icpc_held");

        Assert.Equal(new ImportSource("census-2023-24.xml", LineStarting(Data("cin", "census-2023-24.xml"), "<CPPstartDate>2023-09-25"), "CPPstartDate"), icpc.Source);
    }
}
