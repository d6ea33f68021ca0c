using Scheduler.Domain.Milestones;
using Scheduler.Functions.State;

namespace Scheduler.Functions.Application;

/// <summary>A subject with its milestones computed for today.</summary>
public sealed record SubjectView(SubjectRecord Subject, IReadOnlyList<Milestone> Milestones, bool Changed = true);
