using Scheduler.Domain.Milestones;

namespace Scheduler.Domain.Alerts;

/// <summary>Whether a milestone is closed for alerting: met (on time or late) or not applicable.</summary>
public static class MilestoneClosure
{
    /// <summary>True once the milestone is met or not applicable: nothing more is alerted or held for it.</summary>
    public static bool IsClosed(Milestone milestone) =>
        milestone.Met is not null
        || milestone.Status is MilestoneStatus.Met or MilestoneStatus.MetLate or MilestoneStatus.NotApplicable;
}
