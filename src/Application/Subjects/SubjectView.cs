using Scheduler.Domain.Milestones;

namespace Scheduler.Application.Subjects;

/// <summary>A subject with its milestones computed for today.</summary>
public sealed record SubjectView(SubjectRecord Subject, IReadOnlyList<Milestone> Milestones, bool Changed = true);
