using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Table service entry point, shaped like <c>Azure.Data.Tables.TableServiceClient</c>: one pipeline shared by
/// the <see cref="TableClient"/>s it hands out.
/// </summary>
public sealed class TableServiceClient
{
    private readonly HttpPipeline _pipeline;

    /// <summary>Creates a client from a connection string.</summary>
    public TableServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client from a service URI and a token credential (managed identity in Azure).</summary>
    public TableServiceClient(Uri endpoint, TokenCredential credential, StorageClientOptions? options = null)
        : this(StorageConnection.FromServiceUris(endpoint, null, credential), options)
    {
    }

    /// <summary>Creates a client for the table endpoint of a parsed connection.</summary>
    public TableServiceClient(StorageConnection connection, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Endpoint = connection.RequireTableEndpoint();
        _pipeline = StoragePipeline.Build(connection, StorageService.Table, options ?? new StorageClientOptions());
    }

    /// <summary>The table service endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>A client for one table (no request is made).</summary>
    public TableClient GetTableClient(string tableName) => new(_pipeline, Endpoint, tableName);

    /// <summary>Creates the table if missing and returns its client.</summary>
    public async Task<TableClient> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        var client = GetTableClient(tableName);
        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        return client;
    }

    /// <summary>Deletes the table; returns false when it did not exist.</summary>
    public Task<bool> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
