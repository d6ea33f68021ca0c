namespace Scheduler.Domain.Milestones;

/// <summary>Where a milestone stands relative to "today".</summary>
public enum MilestoneStatus
{
    /// <summary>Not yet due (for a window: the window has not closed and nothing is recorded).</summary>
    Upcoming,

    /// <summary>Today is the effective due date.</summary>
    Due,

    /// <summary>The effective due date has passed and the milestone is not met.</summary>
    Overdue,

    /// <summary>Met on or before its due date.</summary>
    Met,

    /// <summary>Met, but after its due date.</summary>
    MetLate,

    /// <summary>The rule does not apply to this episode or case (for example, superseded by a later event).</summary>
    NotApplicable,
}
