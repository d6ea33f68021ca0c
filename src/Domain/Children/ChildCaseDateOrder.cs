using Scheduler.Domain.Validation;
using T = Scheduler.Domain.Events.EventTypes;

namespace Scheduler.Domain.Children;

/// <summary>
/// The date-order rules of a child's case, as data, and the case facts seen as dated facts of those kinds. Each
/// rule forbids a pair; a prerequisite that is simply not recorded yet is never an error.
/// </summary>
internal static class ChildCaseDateOrder
{
    private const string Icpc = "the initial child protection conference";
    private const string LookedAfter = "the child became looked after";

    /// <summary>The rules: child protection, then looked after, then closure.</summary>
    public static OrderRules Rules { get; } = new(
    [
        new(T.StrategyDiscussion, T.ReferralReceived, "a strategy discussion cannot be before the referral"),
        new(T.S47Started, T.ReferralReceived, "section 47 enquiries cannot start before the referral"),
        new(T.IcpcHeld, T.StrategyDiscussion, "an initial child protection conference cannot be before its strategy discussion"),
        new(T.IcpcHeld, T.S47Started, "an initial child protection conference cannot be before the section 47 start"),
        new(T.IcpcNotRequired, T.StrategyDiscussion, "a decision that no conference is needed cannot be before its strategy discussion"),
        new(T.CpReviewHeld, T.IcpcHeld, $"a review conference cannot be before {Icpc}"),
        new(T.CoreGroupHeld, T.IcpcHeld, $"a core group cannot meet before {Icpc}"),
        new(T.CpVisitMade, T.IcpcHeld, $"a child protection visit cannot be before {Icpc}"),
        new(T.CpPlanEnded, T.IcpcHeld, $"a child protection plan cannot end before {Icpc}"),
        new(T.CpPlanEnded, T.CpReviewHeld, "a review conference cannot be after the end of the plan"),
        new(T.CpPlanEnded, T.CoreGroupHeld, "a core group cannot meet after the end of the plan"),
        new(T.CpPlanEnded, T.CpVisitMade, "a child protection visit cannot be after the end of the plan"),
        new(T.PlacementStarted, T.BecameLookedAfter, $"a placement cannot start before {LookedAfter}"),
        new(T.LookedAfterReviewHeld, T.BecameLookedAfter, $"a looked-after review cannot be before {LookedAfter}"),
        new(T.HealthAssessmentHeld, T.BecameLookedAfter, $"a health assessment cannot be before {LookedAfter}"),
        new(T.IroAppointed, T.BecameLookedAfter, $"an independent reviewing officer cannot be appointed before {LookedAfter}"),
        new(T.StatutoryVisitMade, T.BecameLookedAfter, $"a statutory visit cannot be before {LookedAfter}"),
        new(T.StatutoryVisitMade, T.PrivateFosteringNotified, "a statutory visit cannot be before the private fostering notification"),
        new(T.CaseClosed, OrderRule.AnyOther, "nothing can be recorded after the case closed"),
    ]);

    /// <summary>The case's dates as dated facts, each of the event type that records it and named by its field.</summary>
    public static IEnumerable<DatedFact> Of(ChildCaseFacts facts)
    {
        var list = new DatedFactList()
            .One(T.ReferralReceived, nameof(facts.ReferralReceived), facts.ReferralReceived)
            .One(T.StrategyDiscussion, nameof(facts.StrategyDiscussion), facts.StrategyDiscussion)
            .One(T.S47Started, nameof(facts.S47Start), facts.S47Start)
            .One(T.IcpcHeld, nameof(facts.Icpc), facts.Icpc)
            .One(T.IcpcNotRequired, nameof(facts.IcpcNotRequired), facts.IcpcNotRequired)
            .Many(T.CpReviewHeld, nameof(facts.ReviewsHeld), facts.ReviewsHeld)
            .Many(T.CoreGroupHeld, nameof(facts.CoreGroupsHeld), facts.CoreGroupsHeld)
            .Many(T.CpVisitMade, nameof(facts.CpVisitsMade), facts.CpVisitsMade)
            .One(T.CpPlanEnded, nameof(facts.PlanEnded), facts.PlanEnded)
            .One(T.BecameLookedAfter, nameof(facts.BecameLookedAfter), facts.BecameLookedAfter)
            .Many(T.LookedAfterReviewHeld, nameof(facts.LookedAfterReviewsHeld), facts.LookedAfterReviewsHeld)
            .Many(T.StatutoryVisitMade, nameof(facts.StatutoryVisitsMade), facts.StatutoryVisitsMade)
            .Many(T.HealthAssessmentHeld, nameof(facts.HealthAssessmentsHeld), facts.HealthAssessmentsHeld)
            .One(T.PathwayEligibilityRecorded, nameof(facts.PathwayEligibleFrom), facts.PathwayEligibleFrom)
            .One(T.IroAppointed, nameof(facts.IroAppointed), facts.IroAppointed)
            .One(T.PrivateFosteringNotified, nameof(facts.PrivateFosteringNotified), facts.PrivateFosteringNotified)
            .One(T.AdopterAssessmentStarted, nameof(facts.AdopterAssessmentStarted), facts.AdopterAssessmentStarted)
            .One(T.ChildDeathNotified, nameof(facts.ChildDeathNotified), facts.ChildDeathNotified)
            .One(T.CaseClosed, nameof(facts.CaseClosed), facts.CaseClosed);
        for (var i = 0; i < facts.Placements.Count; i++)
        {
            list.One(T.PlacementStarted, $"{nameof(facts.Placements)}[{i}].Start", facts.Placements[i].Start);
        }

        foreach (var (key, date) in facts.Completed)
        {
            list.One(T.MilestoneCompleted, $"{nameof(facts.Completed)}[{key}]", date);
        }

        return list;
    }
}
