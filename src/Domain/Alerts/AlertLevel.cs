namespace Scheduler.Domain.Alerts;

/// <summary>How far a milestone has gone: the levels of the escalation ladder, least to most severe.</summary>
public enum AlertLevel
{
    /// <summary>A window (for example the action planning visit window) has opened and no date is agreed or met.</summary>
    WindowOpen = 0,

    /// <summary>The effective due date is a lead time in working days away.</summary>
    Upcoming = 1,

    /// <summary>Today is the effective due date.</summary>
    Due = 2,

    /// <summary>The effective due date has passed and the milestone is not met.</summary>
    Overdue = 3,

    /// <summary>Overdue for the group's escalation threshold: the escalation roles are told as well.</summary>
    Escalated = 4,
}
