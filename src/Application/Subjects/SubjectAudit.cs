
namespace Scheduler.Application.Subjects;

/// <summary>The audit-log form of a subject: its facts, events and assignees (milestones are derived, so not repeated).</summary>
public static class SubjectAudit
{
    /// <summary>The JSON snapshot, or null for "did not exist".</summary>
    public static string? Json(SubjectRecord? subject) => subject is null
        ? null
        : StateJson.Serialize(new
        {
            subject.Authority,
            Kind = subject.Kind.Name(),
            subject.Id,
            subject.Variant,
            subject.Facts,
            Assignees = subject.Assignees.ToDictionary(p => p.Key.ToString(), p => p.Value),
            subject.Events,
            subject.Version,
        });
}
