using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>The document <c>{"milestones":[…]}</c> returned for an oversight episode or a child's case.</summary>
public sealed record MilestonesDocument(IReadOnlyList<MilestoneJson> Milestones)
{
    /// <summary>Maps domain milestones, keeping their order.</summary>
    public static MilestonesDocument From(IEnumerable<Milestone> milestones) =>
        new([.. milestones.Select(MilestoneJson.From)]);
}
