using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Oversight;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// Realistic event sets, oldest first, each valid in date order. The dates were chosen by hand from the rules (see
/// the comments: working days on the England and Wales calendar, bank holidays Good Friday 30 Mar, Easter Monday
/// 2 Apr, 7 May, 28 May, 27 Aug, 25 and 26 Dec 2018).
/// </summary>
internal static class EventSets
{
    public static ChildCaseFacts CpBase { get; } = new() { CaseReference = "CP-ORDER-1", Type = CaseType.ChildProtection };

    public static LocalDate CpToday { get; } = D(2018, 8, 31);

    /// <summary>Twenty child protection events from referral to the eleventh visit.</summary>
    public static IReadOnlyList<ChildCaseEvent> Cp { get; } =
    [
        new ReferralReceived(D(2018, 3, 5)),
        new StrategyDiscussionHeld(D(2018, 3, 7)),
        new S47Started(D(2018, 3, 7)),

        // ICPC due 15 working days after Wed 7 Mar: Wed 28 Mar; held the day before.
        new IcpcHeld(D(2018, 3, 27)),

        // Visits due 10 working days after the ICPC, then after each visit: Thu 12 Apr (over Easter), Tue 24 Apr,
        // Tue 8 May (over 7 May), Mon 21 May, Mon 4 Jun (over 28 May), Fri 15 Jun, Thu 28 Jun, Thu 12 Jul (held
        // late, Mon 16 Jul), Mon 30 Jul, Fri 10 Aug, Fri 24 Aug.
        new CpVisitMade(D(2018, 4, 10)),
        new CoreGroupHeld(D(2018, 4, 11)), // due 10 working days after the ICPC: Thu 12 Apr
        new CpVisitMade(D(2018, 4, 23)),
        new CpVisitMade(D(2018, 5, 4)),
        new CpVisitMade(D(2018, 5, 18)),
        new CoreGroupHeld(D(2018, 5, 22)), // 6 weeks after Wed 11 Apr: Wed 23 May
        new CpVisitMade(D(2018, 6, 1)),
        new CpVisitMade(D(2018, 6, 14)),
        new CpReviewHeld(D(2018, 6, 26)), // 3 months after Tue 27 Mar: Wed 27 Jun
        new CpVisitMade(D(2018, 6, 28)),
        new CoreGroupHeld(D(2018, 7, 2)), // 6 weeks after Tue 22 May: Tue 3 Jul
        new CpVisitMade(D(2018, 7, 16)),
        new CpVisitMade(D(2018, 7, 27)),
        new CpVisitMade(D(2018, 8, 10)),
        new CoreGroupHeld(D(2018, 8, 13)), // 6 weeks after Mon 2 Jul: Mon 13 Aug
        new CpVisitMade(D(2018, 8, 23)),
    ];

    public static ChildCaseFacts LacBase { get; } = new() { CaseReference = "LAC-ORDER-1", Type = CaseType.LookedAfter };

    public static LocalDate LacToday { get; } = D(2018, 10, 1);

    /// <summary>Twenty looked-after events over two placements (2017 bank holidays: 25 and 26 Dec).</summary>
    public static IReadOnlyList<ChildCaseEvent> Lac { get; } =
    [
        new BecameLookedAfter(D(2017, 9, 4)),
        new PlacementStarted(D(2017, 9, 4), PlacementKind.Standard),
        new IroAppointed(D(2017, 9, 8)), // 5 working days: Mon 11 Sep
        new StatutoryVisitMade(D(2017, 9, 8)), // 1 week: Mon 11 Sep
        new HealthAssessmentHeld(D(2017, 9, 28), 6), // 20 working days: Mon 2 Oct; the child is under 5
        new LookedAfterReviewHeld(D(2017, 9, 29)), // 20 working days: Mon 2 Oct
        new StatutoryVisitMade(D(2017, 10, 18)), // 6 weeks after Fri 8 Sep: Fri 20 Oct
        new StatutoryVisitMade(D(2017, 11, 27)), // Wed 29 Nov
        new LookedAfterReviewHeld(D(2017, 12, 20)), // 3 months after Fri 29 Sep: Fri 29 Dec
        new StatutoryVisitMade(D(2018, 1, 4)), // Mon 8 Jan
        new StatutoryVisitMade(D(2018, 2, 13)), // Thu 15 Feb
        new StatutoryVisitMade(D(2018, 3, 26)), // Tue 27 Mar
        new HealthAssessmentHeld(D(2018, 3, 27), 12), // the child is now 5: 12 months from here on
        new PlacementStarted(D(2018, 4, 9), PlacementKind.LongTermFoster),
        new StatutoryVisitMade(D(2018, 4, 13)), // 1 week after the new placement: Mon 16 Apr
        new StatutoryVisitMade(D(2018, 5, 24)), // 6 weeks after Fri 13 Apr: Fri 25 May
        new LookedAfterReviewHeld(D(2018, 6, 19)), // 6 months after Wed 20 Dec: Wed 20 Jun
        new StatutoryVisitMade(D(2018, 7, 3)), // Thu 5 Jul
        new StatutoryVisitMade(D(2018, 8, 13)), // Tue 14 Aug
        new StatutoryVisitMade(D(2018, 9, 21)), // Mon 24 Sep
    ];

    public static OversightFacts EpisodeBase { get; } = new() { ReportReceived = D(2017, 9, 4), ReportPublished = D(2017, 9, 4) };

    public static LocalDate EpisodeToday { get; } = D(2018, 9, 10);

    /// <summary>An inadequate authority's first year: Croydon-like, with same-day events of different types.</summary>
    public static IReadOnlyList<OversightEvent> Episode { get; } =
    [
        new CommissionerAppointed(D(2017, 9, 4)),
        new InterventionRouteRecorded(D(2017, 9, 4), InterventionRoute.DirectionAndCommissioner),
        new InterimArrangementStarted(D(2017, 10, 2)),
        new ActionPlanningVisitHeld(D(2017, 10, 16)),
        new ImprovementBoardHeld(D(2017, 10, 25)),
        new ImprovementBoardHeld(D(2017, 11, 29)),
        new ActionPlanSubmitted(D(2017, 12, 8)),
        new ImprovementPlanApproved(D(2018, 1, 15)),
        new ImprovementBoardHeld(D(2018, 1, 31)),
        new OversightMilestoneCompleted(D(2018, 2, 28), "commissioner_report/1/1"),
        new ImprovementBoardHeld(D(2018, 2, 28)),
        new DfeReviewHeld(D(2018, 3, 5)),
        new MonitoringVisitAgreed(D(2018, 3, 13)),
        new MonitoringVisitHeld(D(2018, 3, 13)),
        new MonitoringVisitAgreed(D(2018, 6, 19)),
        new MonitoringVisitHeld(D(2018, 6, 19)),
        new DfeReviewHeld(D(2018, 9, 3)),
        new MonitoringVisitAgreed(D(2018, 10, 9)),
    ];
}
