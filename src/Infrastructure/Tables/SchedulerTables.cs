using Microsoft.Extensions.Options;
using Scheduler.Infrastructure.Storage;

namespace Scheduler.Infrastructure.Tables;

/// <summary>
/// The table clients of the app's storage account, by contract name. An optional name prefix (letters and digits,
/// <c>Scheduler:Storage:TablePrefix</c>) goes before every table name, so tests or benchmarks sharing one account
/// stay apart.
/// </summary>
public sealed class SchedulerTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly string _prefix = options.Value.TablePrefix ?? string.Empty;

    public TableClient Authorities => Get(TableNames.Authorities);

    public TableClient ApiKeys => Get(TableNames.ApiKeys);

    public TableClient DueIndex => Get(TableNames.DueIndex);

    public TableClient AuditLog => Get(TableNames.AuditLog);

    public TableClient Acknowledgements => Get(TableNames.Acknowledgements);

    public TableClient ProcessedEvents => Get(TableNames.ProcessedEvents);

    public TableClient AlertLedger => Get(TableNames.AlertLedger);

    public TableClient SweepState => Get(TableNames.SweepState);

    /// <summary>The table holding subjects of a kind.</summary>
    public TableClient Subjects(SubjectKind kind) => Get(kind == SubjectKind.Episode ? TableNames.Episodes : TableNames.Cases);

    /// <summary>The client of a contract table (clients are cheap, immutable and thread-safe).</summary>
    public TableClient Get(string tableName) => service.GetTableClient(_prefix + tableName);

    /// <summary>Creates every table of the contract that does not exist yet.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
