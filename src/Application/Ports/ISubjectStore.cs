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

    /// <summary>
    /// One page of an authority's subjects of one kind, in key order: at most <paramref name="pageSize"/> summaries
    /// (none of the heavy columns), only those of <paramref name="variant"/> when given, and the storage's token for
    /// the next page (null on the last). A token the storage refuses is a <see cref="ValidationException"/> on <c>continuation</c>.
    /// </summary>
    Task<SubjectPage> PageAsync(SubjectKind kind, string authority, string? variant, int pageSize, string? continuation, CancellationToken cancellationToken);

    /// <summary>The subjects of one kind of every authority (reindexing only).</summary>
    IAsyncEnumerable<SubjectRecord> ListAllAsync(SubjectKind kind, CancellationToken cancellationToken);
}
