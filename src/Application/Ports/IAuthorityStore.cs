namespace Scheduler.Application.Ports;

/// <summary>Authority profiles, one row per authority code.</summary>
public interface IAuthorityStore
{
    /// <summary>The authority, or null.</summary>
    Task<AuthorityRecord?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>Every authority.</summary>
    IAsyncEnumerable<AuthorityRecord> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the record when its <see cref="AuthorityRecord.ETag"/> is null, else replaces it if it is still at that
    /// version; throws <see cref="StoreConflictException"/> when someone else wrote first. Returns it with its new ETag.
    /// </summary>
    Task<AuthorityRecord> SaveAsync(AuthorityRecord record, CancellationToken cancellationToken);
}
