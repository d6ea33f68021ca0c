using Scheduler.Domain.Milestones;

namespace Scheduler.Contracts;

/// <summary>One milestone for an iCalendar feed, with the id of the episode or case it belongs to (part of its UID).</summary>
public sealed record IcsEntry(string SubjectId, Milestone Milestone);
