using NodaTime;
using Scheduler.Domain.Rules;

namespace Scheduler.Application.Subjects;

/// <summary>One page of subjects as a list shows them, and the storage's token for the next page (null on the last).</summary>
public sealed record SubjectPage(IReadOnlyList<SubjectSummary> Items, string? Continuation);

/// <summary>A subject without its facts, events or milestones: what a list needs.</summary>
/// <param name="Id">The episode id or case reference.</param>
/// <param name="Variant">The framework (episodes) or case type (cases).</param>
/// <param name="Assignees">Cases: the assigned IRO, conference chair and team manager by role.</param>
/// <param name="Version">1 on creation, +1 on every write.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last written.</param>
public sealed record SubjectSummary(string Id, string Variant, IReadOnlyDictionary<Role, string> Assignees, long Version, Instant CreatedAt, Instant UpdatedAt);
