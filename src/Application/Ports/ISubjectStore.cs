namespace Scheduler.Application.Ports;

/// <summary>Episode and case rows: each subject's source of truth, written with one conditional operation.</summary>
public interface ISubjectStore
{
    /// <summary>The subject, or null when it does not exist.</summary>
    Task<SubjectRecord?> GetAsync(SubjectKind kind, string authority, string id, CancellationToken cancellationToken);

    /// <summary>Inserts a new subject; throws <see cref="StoreConflictException"/> when the id is taken.</summary>
    Task<SubjectRecord> AddAsync(SubjectRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces the subject if it is still at <see cref="SubjectRecord.ETag"/>; throws <see cref="StoreConflictException"/> otherwise.</summary>
    Task<SubjectRecord> ReplaceAsync(SubjectRecord record, CancellationToken cancellationToken);

    /// <summary>The subjects of one kind of one authority.</summary>
    IAsyncEnumerable<SubjectRecord> ListAsync(SubjectKind kind, string authority, CancellationToken cancellationToken);

    /// <summary>The subjects of one kind of every authority (reindexing only).</summary>
    IAsyncEnumerable<SubjectRecord> ListAllAsync(SubjectKind kind, CancellationToken cancellationToken);
}
