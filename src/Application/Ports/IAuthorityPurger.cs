namespace Scheduler.Application.Ports;

/// <summary>Deletes everything stored for one authority, in every table.</summary>
public interface IAuthorityPurger
{
    /// <summary>Deletes and returns how many rows each table lost, by table name.</summary>
    Task<IReadOnlyDictionary<string, int>> PurgeAsync(string authority, CancellationToken cancellationToken);
}
