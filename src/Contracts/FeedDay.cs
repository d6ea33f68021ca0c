namespace Scheduler.Contracts;

/// <summary>Which day of a milestone an event shows.</summary>
internal enum FeedDay
{
    /// <summary>A deadline's (effective) due day.</summary>
    Deadline,

    /// <summary>The first day of a window.</summary>
    Opens,

    /// <summary>The last (effective) day of a window: it carries the milestone's deadline.</summary>
    Closes,
}
