namespace Scheduler.Application.Subjects;

/// <summary>
/// How much one episode or case may hold. Its row (facts, events, milestones, index keys and the last audit change)
/// is one Table Storage entity, written with one conditional operation, so it must stay well inside the entity's
/// 1 MiB; every event field is bounded at the edge, so a bounded number of events bounds the row.
/// </summary>
public static class SubjectLimits
{
    /// <summary>The most events one episode or case holds; recording one more is a 409 (a permanent refusal on the queue).</summary>
    public const int MaxEvents = 500;

    /// <summary>The most events a create request may carry.</summary>
    public const int MaxInitialEvents = 200;
}
