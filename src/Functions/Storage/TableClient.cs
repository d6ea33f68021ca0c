using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Scheduler.Functions.Storage;

/// <summary>
/// Table Storage REST client for one table, shaped like <c>Azure.Data.Tables.TableClient</c>
/// (the official package does not restore here; swapping it in touches this file).
/// </summary>
public sealed class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;

    /// <summary>Creates a client from a connection string (<c>UseDevelopmentStorage=true</c> or account key form).</summary>
    public TableClient(string connectionString, string tableName, StorageClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), tableName, options)
    {
    }

    /// <summary>Creates a client for a table of the given connection.</summary>
    public TableClient(StorageConnection connection, string tableName, StorageClientOptions? options = null)
        : this(
            StoragePipeline.Build(connection ?? throw new ArgumentNullException(nameof(connection)), StorageService.Table, options ?? new StorageClientOptions()),
            connection.RequireTableEndpoint(),
            tableName)
    {
    }

    internal TableClient(HttpPipeline pipeline, Uri endpoint, string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        _pipeline = pipeline;
        _endpoint = endpoint;
        Name = tableName;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>Renders an interpolated filter with escaped literals (see <see cref="TableFilter.Create"/>).</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableFilter.Create(filter);

    /// <summary>Creates the table; returns false when it already existed.</summary>
    public async Task<bool> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message.Request, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = Name }));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204)
        {
            return true;
        }

        // 409 also means "being deleted"; only "already exists" is the benign outcome.
        var (code, detail) = StorageErrors.Parse(response);
        return response.Status == 409 && code is (null or "TableAlreadyExists")
            ? false
            : throw StorageErrors.Create(response.Status, code, detail, $"Create table {Name}");
    }

    /// <summary>Deletes the table; returns false when it did not exist.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        var message = CreateMessage(RequestMethod.Delete, $"Tables('{Name}')");
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => true,
            404 => false,
            _ => throw StorageErrors.Create(response, $"Delete table {Name}"),
        };
    }

    /// <summary>
    /// Inserts an entity. Throws <see cref="TableEntityAlreadyExistsException"/> when it exists (a conditional insert).
    /// The returned response's <c>Headers.ETag</c> is the new version.
    /// </summary>
    public async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        var message = CreateMessage(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204)
        {
            return response;
        }

        var (code, detail) = StorageErrors.Parse(response);
        if (response.Status == 409)
        {
            throw new TableEntityAlreadyExistsException(
                entity.PartitionKey,
                entity.RowKey,
                StorageErrors.Describe(409, code, detail, $"Insert into {Name} ({entity.PartitionKey}, {entity.RowKey})"),
                code);
        }

        throw StorageErrors.Create(response.Status, code, detail, $"Insert into {Name}");
    }

    /// <summary>Inserts or updates an entity without a concurrency check.</summary>
    public async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        var message = CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 200 or 201
            ? response
            : throw StorageErrors.Create(response, $"Upsert ({mode}) into {Name}");
    }

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/> for
    /// unconditional). Throws <see cref="TableConcurrencyException"/> on a mismatch, <see cref="RequestFailedException"/> (404) if absent.
    /// </summary>
    public async Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag read with the entity, or ETag.All for an unconditional update.", nameof(ifMatch));
        }

        var message = CreateMessage(mode == TableUpdateMode.Merge ? Merge : RequestMethod.Put, EntityPath(entity.PartitionKey, entity.RowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch.ToString());
        SetJsonContent(message.Request, TableEntityJson.Serialize(entity));
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 204)
        {
            return response;
        }

        throw Failure(response, $"Update ({mode}) {Name}", entity.PartitionKey, entity.RowKey);
    }

    /// <summary>Reads one entity; throws <see cref="RequestFailedException"/> with status 404 when absent.</summary>
    public async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, response) = await GetEntityCoreAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return entity is null
            ? throw StorageErrors.Create(response, $"Get entity ({partitionKey}, {rowKey}) from {Name}")
            : Response.FromValue(entity, response);
    }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    public async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var (entity, _) = await GetEntityCoreAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return entity;
    }

    /// <summary>
    /// Deletes an entity if its ETag matches (default: any version). Deleting a missing entity succeeds (404 is
    /// returned, not thrown); a stale ETag throws <see cref="TableConcurrencyException"/>.
    /// </summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var message = CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 404
            ? response
            : throw Failure(response, $"Delete from {Name}", partitionKey, rowKey);
    }

    /// <summary>
    /// Queries entities, following continuation tokens until the result set is exhausted.
    /// <paramref name="maxPerPage"/> becomes <c>$top</c> for each page (the service caps pages at 1,000).
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string? filter = null,
        int? maxPerPage = null,
        IEnumerable<string>? select = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (maxPerPage is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "Page size must be 1-1000.");
        }

        var selectList = JoinSelect(select);
        string? nextPartition = null, nextRow = null;
        do
        {
            var message = CreateMessage(RequestMethod.Get, Name + "()");
            var uri = message.Request.Uri;
            if (!string.IsNullOrEmpty(filter))
            {
                uri.AppendQuery("$filter", filter, escapeValue: true);
            }

            if (selectList is not null)
            {
                uri.AppendQuery("$select", selectList, escapeValue: true);
            }

            if (maxPerPage is { } top)
            {
                uri.AppendQuery("$top", top.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
            }

            if (nextPartition is not null)
            {
                uri.AppendQuery("NextPartitionKey", nextPartition, escapeValue: true);
            }

            if (nextRow is not null)
            {
                uri.AppendQuery("NextRowKey", nextRow, escapeValue: true);
            }

            var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (response.Status != 200)
            {
                throw StorageErrors.Create(response, $"Query {Name}");
            }

            List<TableEntity> page;
            using (var doc = JsonDocument.Parse(response.Content.ToMemory()))
            {
                page = doc.RootElement.GetProperty("value").EnumerateArray().Select(e => TableEntityJson.Deserialize(e)).ToList();
            }

            foreach (var entity in page)
            {
                yield return entity;
            }

            nextPartition = response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var np) ? np : null;
            nextRow = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nr) ? nr : null;
        }
        while (nextPartition is not null);
    }

    /// <summary>
    /// Submits an entity-group transaction: up to 100 actions on distinct entities of ONE partition, applied
    /// atomically. Throws <see cref="ArgumentException"/> before sending when those limits are broken, and
    /// <see cref="TableTransactionFailedException"/> (with the failing action's index) when the service rejects it.
    /// </summary>
    public async Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        TableTransactionBatch.Validate(list);
        foreach (var action in list)
        {
            ValidateEntity(action.Entity);
        }

        var batch = new TableTransactionBatch(_endpoint, Name, list);
        var message = CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", batch.ContentType);
        message.Request.Content = RequestContent.Create(batch.Body);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        return TableTransactionBatch.ParseResponse(response, list.Count, Name);
    }

    internal Uri EntityUri(string partitionKey, string rowKey) => new(Base(_endpoint) + "/" + EntityPath(partitionKey, rowKey));

    internal static string Base(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');

    internal static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    private string EntityPath(string partitionKey, string rowKey) => EntityPath(Name, partitionKey, rowKey);

    // OData string literal (quotes doubled), then percent-encoded for the path.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<(TableEntity? Entity, Response Response)> GetEntityCoreAsync(
        string partitionKey, string rowKey, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var message = CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey));
        if (JoinSelect(select) is { } selectList)
        {
            message.Request.Uri.AppendQuery("$select", selectList, escapeValue: true);
        }

        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        switch (response.Status)
        {
            case 200:
                using (var doc = JsonDocument.Parse(response.Content.ToMemory()))
                {
                    ETag? etag = response.Headers.TryGetValue("ETag", out var raw) ? new ETag(raw) : null;
                    return (TableEntityJson.Deserialize(doc.RootElement, etag), response);
                }

            case 404:
                return (null, response);
            default:
                throw StorageErrors.Create(response, $"Get entity from {Name}");
        }
    }

    private static string? JoinSelect(IEnumerable<string>? select)
    {
        if (select is null)
        {
            return null;
        }

        var names = select.ToList();
        return names.Count == 0 ? null : string.Join(',', names);
    }

    private static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        TableKeys.Validate(entity.RowKey, nameof(entity.RowKey));
    }

    private RequestFailedException Failure(Response response, string operation, string partitionKey, string rowKey)
    {
        var (code, detail) = StorageErrors.Parse(response);
        var description = StorageErrors.Describe(response.Status, code, detail, $"{operation} ({partitionKey}, {rowKey})");
        return response.Status == 412
            ? new TableConcurrencyException(partitionKey, rowKey, description, code)
            : new RequestFailedException(response.Status, description, code, null);
    }

    private HttpMessage CreateMessage(RequestMethod method, string relativePath)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(new Uri(Base(_endpoint) + "/" + relativePath));
        request.Headers.SetValue("Accept", JsonAccept);
        return message;
    }

    private static void SetJsonContent(Request request, byte[] body)
    {
        request.Headers.SetValue("Content-Type", "application/json");
        request.Content = RequestContent.Create(body);
    }

    private async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }
}
