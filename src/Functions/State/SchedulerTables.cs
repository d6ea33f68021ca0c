using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>The table clients of one storage account, by contract name; tables are created once at start-up.</summary>
public sealed class SchedulerTables(TableServiceClient service)
{
    private readonly Dictionary<string, TableClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public TableClient Authorities => Get(TableNames.Authorities);

    public TableClient ApiKeys => Get(TableNames.ApiKeys);

    public TableClient Episodes => Get(TableNames.Episodes);

    public TableClient Cases => Get(TableNames.Cases);

    public TableClient DueIndex => Get(TableNames.DueIndex);

    public TableClient AuditLog => Get(TableNames.AuditLog);

    public TableClient Acknowledgements => Get(TableNames.Acknowledgements);

    public TableClient ProcessedEvents => Get(TableNames.ProcessedEvents);

    /// <summary>The table holding subjects of a kind.</summary>
    public TableClient Subjects(StoredSubjectKind kind) => kind == StoredSubjectKind.Episode ? Episodes : Cases;

    /// <summary>The client of any contract table.</summary>
    public TableClient Get(string tableName)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(tableName, out var client))
            {
                client = service.GetTableClient(tableName);
                _clients[tableName] = client;
            }

            return client;
        }
    }

    /// <summary>Creates the tables this part of the app uses, if they do not exist.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.Owned)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
