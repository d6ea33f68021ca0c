using Scheduler.Functions.Storage;

namespace Scheduler.Functions.State;

/// <summary>
/// The table clients of one storage account, by contract name; tables are created once at start-up. The service
/// client is created on first use, so the app starts (health, invocations) even before storage is configured. An
/// optional <paramref name="namePrefix"/> (letters and digits) goes before every table name, so tests sharing one
/// storage account stay apart.
/// </summary>
public sealed class SchedulerTables(Func<TableServiceClient> serviceFactory, string? namePrefix = null)
{
    private readonly Dictionary<string, TableClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Lazy<TableServiceClient> _service = new(serviceFactory);

    /// <summary>Uses an existing service client.</summary>
    public SchedulerTables(TableServiceClient service, string? namePrefix = null)
        : this(() => service, namePrefix)
    {
    }

    public TableClient Authorities => Get(TableNames.Authorities);

    public TableClient ApiKeys => Get(TableNames.ApiKeys);

    public TableClient Episodes => Get(TableNames.Episodes);

    public TableClient Cases => Get(TableNames.Cases);

    public TableClient DueIndex => Get(TableNames.DueIndex);

    public TableClient AuditLog => Get(TableNames.AuditLog);

    public TableClient Acknowledgements => Get(TableNames.Acknowledgements);

    public TableClient ProcessedEvents => Get(TableNames.ProcessedEvents);

    public TableClient AlertLedger => Get(TableNames.AlertLedger);

    public TableClient SweepState => Get(TableNames.SweepState);

    /// <summary>The table holding subjects of a kind.</summary>
    public TableClient Subjects(StoredSubjectKind kind) => kind == StoredSubjectKind.Episode ? Episodes : Cases;

    /// <summary>The client of any contract table.</summary>
    public TableClient Get(string tableName)
    {
        lock (_gate)
        {
            if (!_clients.TryGetValue(tableName, out var client))
            {
                client = _service.Value.GetTableClient(namePrefix + tableName);
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
