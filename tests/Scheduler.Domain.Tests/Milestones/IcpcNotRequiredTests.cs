using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Rules;
using Scheduler.Domain.Validation;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Milestones;

/// <summary>E4 after section 47 enquiries concluded that no initial child protection conference is needed.</summary>
public sealed class IcpcNotRequiredTests
{
    private static readonly ChildCaseFacts Enquiry = new()
    {
        CaseReference = "CP-NR-1",
        Type = CaseType.ChildProtection,
        StrategyDiscussion = D(2017, 9, 4),
    };

    [Fact]
    public void The_conference_is_not_applicable_once_enquiries_conclude_none_is_needed()
    {
        var facts = Enquiry.Apply(EventFactory.ChildCase("icpc_not_required", new Dictionary<string, string?> { ["date"] = "2017-09-12" }), Statutory);

        var icpc = ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2017, 10, 30)).One("icpc_15wd");

        // Without the event the conference would be overdue on 30 Oct (due Mon 25 Sep 2017).
        Assert.Equal(D(2017, 9, 25), icpc.Due);
        Assert.Equal(MilestoneStatus.NotApplicable, icpc.Status);
    }

    [Fact]
    public void Without_it_the_conference_is_overdue()
    {
        var icpc = ChildCaseCalendar.Compute(Enquiry, AuthorityParameters.Default, Statutory, Statutory, D(2017, 10, 30)).One("icpc_15wd");

        Assert.Equal(MilestoneStatus.Overdue, icpc.Status);
    }

    [Fact]
    public void A_conference_held_after_all_still_counts()
    {
        var facts = Enquiry.Apply(new IcpcNotRequired(D(2017, 9, 12)), Statutory).Apply(new IcpcHeld(D(2017, 9, 20)), Statutory);

        var icpc = ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, D(2017, 10, 30)).One("icpc_15wd");

        Assert.Equal(MilestoneStatus.Met, icpc.Status);
    }

    [Fact]
    public void It_cannot_come_before_the_strategy_discussion()
    {
        var ex = Assert.Throws<DomainValidationException>(() => Enquiry.Apply(new IcpcNotRequired(D(2017, 9, 1)), Statutory));

        Assert.Contains(ex.Errors, e => e.Field == "date" && e.Reason.Contains("strategy_discussion on 2017-09-04", StringComparison.Ordinal));
    }
}
