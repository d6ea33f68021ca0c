namespace Scheduler.Application.Ports;

/// <summary>Issued API keys, found by the SHA-256 of the presented key; the key itself is never stored.</summary>
public interface IApiKeyStore
{
    /// <summary>The key with this hash, or null.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores a new key record.</summary>
    Task AddAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the key was accepted on <paramref name="day"/>, only if the row is still at
    /// <see cref="ApiKeyRecord.ETag"/>: false when another request got there first or the key is gone.
    /// </summary>
    Task<bool> MarkUsedAsync(ApiKeyRecord record, NodaTime.LocalDate day, CancellationToken cancellationToken);

    /// <summary>The keys of one authority.</summary>
    IAsyncEnumerable<ApiKeyRecord> ListAsync(string authority, CancellationToken cancellationToken);

    /// <summary>Removes a key.</summary>
    Task DeleteAsync(ApiKeyRecord record, CancellationToken cancellationToken);
}
