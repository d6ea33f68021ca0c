using NodaTime;

namespace Scheduler.Application.Subjects;

/// <summary>An event id and the subject it was applied to.</summary>
public sealed record ProcessedEvent(string Authority, string EventId, SubjectKind SubjectKind, string SubjectId, Instant ProcessedAt);
