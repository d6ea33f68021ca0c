using Scheduler.Contracts;
using static Scheduler.Returns.Tests.Fixtures;

namespace Scheduler.Returns.Tests;

/// <summary>
/// Milestones of imported cases, each expected date worked out by hand from the rules (docs/rules.md) and the
/// England and Wales bank holidays, not read back from the output.
/// </summary>
public sealed class MilestoneTests
{
    private static MilestoneJson Find(IEnumerable<MilestoneJson> milestones, string key) =>
        Assert.Single(milestones, m => m.Key == key);

    [Fact]
    public void Looked_after_case_from_the_903()
    {
        var c100 = Assert.Single(ReportOf(Import903("903-2023-24", Today2024), Today2024).Cases, c => c.CaseRef == "C100");

        // E9: Mon 4 Sep 2023 + 20 working days (no bank holiday in September) = Mon 2 Oct 2023; held that day.
        var first = Find(c100.Milestones, "lac_review_first_20wd/1/1");
        Assert.Equal(("2023-10-02", "met"), (Iso(first.Due), first.Status));

        // E10: 3 months after 2 Oct 2023 = Tue 2 Jan 2024; held that day.
        var second = Find(c100.Milestones, "lac_review_second_3m/1/1");
        Assert.Equal(("2024-01-02", "met"), (Iso(second.Due), second.Status));

        // E11: 6 months after 2 Jan 2024 = Tue 2 Jul 2024, after 15 May 2024.
        var next = Find(c100.Milestones, "lac_review_subsequent_6m/1/1");
        Assert.Equal(("2024-07-02", "upcoming"), (Iso(next.Due), next.Status));

        // E12 in the second placement (cycle 2): Mon 6 Nov 2023 + 1 week = Mon 13 Nov 2023; no visits are in the 903.
        var visit = Find(c100.Milestones, "lac_visit_first/2/1");
        Assert.Equal(("2023-11-13", "overdue"), (Iso(visit.Due), visit.Status));

        // E18: 5 working days after 4 Sep 2023 = Mon 11 Sep 2023; E17: 20 working days = Mon 2 Oct 2023.
        Assert.Equal("2023-09-11", Iso(Find(c100.Milestones, "iro_appointment/1/1").Due));
        Assert.Equal("2023-10-02", Iso(Find(c100.Milestones, "lac_health_assessment/1/1").Due));
    }

    [Fact]
    public void A_first_visit_due_on_a_Sunday_moves_to_the_Friday()
    {
        var c800 = Assert.Single(ReportOf(Import903("903-2023-24", Today2024), Today2024).Cases, c => c.CaseRef == "C800");

        // The fourth placement started Sun 1 Oct 2023: first visit due Sun 8 Oct, effective Fri 6 Oct.
        var visit = Find(c800.Milestones, "lac_visit_first/4/1");
        Assert.Equal(("2023-10-08", "2023-10-06"), (Iso(visit.Due), Iso(visit.Effective)));
    }

    [Fact]
    public void A_period_that_began_before_the_return_has_no_milestones_offline()
    {
        var c300 = Assert.Single(ReportOf(Import903("903-2023-24", Today2024), Today2024).Cases, c => c.CaseRef == "C300");

        Assert.Empty(c300.Milestones);
        Assert.Equal(2, c300.Events.Count);
    }

    [Fact]
    public void Child_protection_case_from_the_census()
    {
        var cin001 = Assert.Single(ReportOf(ImportCin("census-2023-24.xml", Today2024), Today2024).Cases, c => c.CaseRef == "CIN001");

        // E1: Mon 4 Sep 2023 + 1 working day = Tue 5 Sep; the assessment started that day, so the decision was made by then.
        var decision = Find(cin001.Milestones, "referral_decision_1wd/1/1");
        Assert.Equal(("2023-09-05", "met", "2023-09-05"), (Iso(decision.Due), decision.Status, Iso(decision.Met!.Value)));

        // E2: 4 Sep 2023 + 45 working days (nine weeks, no bank holiday) = Mon 6 Nov 2023; authorised 20 Oct.
        var assessment = Find(cin001.Milestones, "assessment_45wd/1/1");
        Assert.Equal(("2023-11-06", "met", "2023-10-20"), (Iso(assessment.Due), assessment.Status, Iso(assessment.Met!.Value)));

        // E4: strategy discussion Wed 6 Sep 2023 + 15 working days = Wed 27 Sep; the conference was on 25 Sep.
        var icpc = Find(cin001.Milestones, "icpc_15wd/1/1");
        Assert.Equal(("2023-09-27", "met"), (Iso(icpc.Due), icpc.Status));

        // E6: 25 Sep 2023 + 3 months = Mon 25 Dec 2023 (Christmas Day), effective Fri 22 Dec; held 22 Dec.
        var review = Find(cin001.Milestones, "cp_review_first_3m/1/1");
        Assert.Equal(("2023-12-25", "2023-12-22", "met"), (Iso(review.Due), Iso(review.Effective), review.Status));

        // E7: 22 Dec 2023 + 6 months = Sat 22 Jun 2024, effective Fri 21 Jun.
        var nextReview = Find(cin001.Milestones, "cp_review_subsequent_6m/1/1");
        Assert.Equal(("2024-06-22", "2024-06-21", "upcoming"), (Iso(nextReview.Due), Iso(nextReview.Effective), nextReview.Status));
    }

    [Fact]
    public void An_enquiry_that_needed_no_conference_leaves_the_conference_not_applicable()
    {
        var cin002 = Assert.Single(ReportOf(ImportCin("census-2023-24.xml", Today2024), Today2024).Cases, c => c.CaseRef == "CIN002");

        // Wed 10 Jan 2024 + 15 working days = Wed 31 Jan 2024; ICPCnotRequired is true.
        var icpc = Find(cin002.Milestones, "icpc_15wd/1/1");
        Assert.Equal(("2024-01-31", "not_applicable"), (Iso(icpc.Due), icpc.Status));
    }

    [Fact]
    public void An_enquiry_still_waiting_for_its_conference_is_overdue()
    {
        var cin003 = Assert.Single(ReportOf(ImportCin("census-2023-24.xml", Today2024), Today2024).Cases, c => c.CaseRef == "CIN003");

        // Wed 14 Feb 2024 + 15 working days = Wed 6 Mar 2024; nothing held by 15 May 2024.
        var icpc = Find(cin003.Milestones, "icpc_15wd/1/1");
        Assert.Equal(("2024-03-06", "overdue"), (Iso(icpc.Due), icpc.Status));
    }

    private static string Iso(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
