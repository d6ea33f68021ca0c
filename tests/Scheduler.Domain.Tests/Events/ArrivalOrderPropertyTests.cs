using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Scheduler.Domain.Children;
using Scheduler.Domain.Events;
using Scheduler.Domain.Milestones;
using Scheduler.Domain.Oversight;
using Scheduler.Domain.Rules;
using static Scheduler.Domain.Tests.Milestones.TestSupport;

namespace Scheduler.Domain.Tests.Events;

/// <summary>
/// A subject's events are a set of dated facts: 50 random arrival orders of each realistic set are each accepted
/// event by event (as the application records them) and give the same facts and milestones as date order.
/// </summary>
public sealed class ArrivalOrderPropertyTests
{
    private static readonly Config FiftyOrders = Config.QuickThrowOnFailure.WithMaxTest(50);

    [Fact]
    public void Child_protection_events_in_any_order_give_the_same_facts_and_milestones() =>
        AnyOrderGivesTheSameCase(EventSets.CpBase, EventSets.Cp, EventSets.CpToday);

    [Fact]
    public void Looked_after_events_in_any_order_give_the_same_facts_and_milestones() =>
        AnyOrderGivesTheSameCase(EventSets.LacBase, EventSets.Lac, EventSets.LacToday);

    [Fact]
    public void Oversight_events_in_any_order_give_the_same_facts_and_milestones()
    {
        var expected = Episode(EventSets.Episode);
        Prop.ForAll(Gen.Shuffle(EventSets.Episode.ToArray()).ToArbitrary(), order =>
        {
            Assert.Equal(expected, Episode(order));

            // Applying to the facts one by one (the older entry point) agrees too.
            var applied = order.Aggregate(EventSets.EpisodeBase, (f, e) => f.Apply(e, Statutory, EventSets.EpisodeToday));
            Assert.Equal(expected.Facts, CanonicalText.Of(applied));
        }).Check(FiftyOrders);
    }

    private static void AnyOrderGivesTheSameCase(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> events, LocalDate today)
    {
        var expected = Case(baseFacts, events, today);
        Assert.Equal(events.Count, CountHeld(baseFacts, events));
        Prop.ForAll(Gen.Shuffle(events.ToArray()).ToArbitrary(), order =>
        {
            Assert.Equal(expected, Case(baseFacts, order, today));
            var applied = order.Aggregate(baseFacts, (f, e) => f.Apply(e, Statutory, today));
            Assert.Equal(expected.Facts, CanonicalText.Of(applied));
        }).Check(FiftyOrders);
    }

    /// <summary>Records the events one at a time, each checked against those before it, then computes.</summary>
    private static (string Facts, string Milestones) Case(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> order, LocalDate today)
    {
        var recorded = new List<ChildCaseEvent>();
        foreach (var e in order)
        {
            Assert.Empty(ChildCaseFacts.ValidateNew(baseFacts, recorded, e, Statutory, today));
            recorded.Add(e);
        }

        var facts = ChildCaseFacts.FromEvents(baseFacts, recorded, Statutory, today).EnsureValid(Statutory, today);
        var milestones = ChildCaseCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today);
        return (CanonicalText.Of(facts), CanonicalText.Of(milestones));
    }

    private static (string Facts, string Milestones) Episode(IReadOnlyList<OversightEvent> order)
    {
        var today = EventSets.EpisodeToday;
        var recorded = new List<OversightEvent>();
        foreach (var e in order)
        {
            Assert.Empty(OversightFacts.ValidateNew(EventSets.EpisodeBase, recorded, e, Statutory, today));
            recorded.Add(e);
        }

        var facts = OversightFacts.FromEvents(EventSets.EpisodeBase, recorded, Statutory, today).EnsureValid(Statutory, today);
        var milestones = OversightCalendar.Compute(facts, AuthorityParameters.Default, Statutory, Statutory, today);
        return (CanonicalText.Of(facts), CanonicalText.Of(milestones));
    }

    /// <summary>How many of the events are held in the facts: the set is not trivially small.</summary>
    private static int CountHeld(ChildCaseFacts baseFacts, IReadOnlyList<ChildCaseEvent> events)
    {
        var f = ChildCaseFacts.FromEvents(baseFacts, events, Statutory);
        return new[] { f.ReferralReceived, f.StrategyDiscussion, f.S47Start, f.Icpc, f.BecameLookedAfter, f.IroAppointed }.Count(d => d is not null)
            + f.ReviewsHeld.Count + f.CoreGroupsHeld.Count + f.CpVisitsMade.Count + f.Placements.Count
            + f.LookedAfterReviewsHeld.Count + f.StatutoryVisitsMade.Count + f.HealthAssessmentsHeld.Count;
    }
}
