using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>An insert hit an existing entity (HTTP 409 EntityAlreadyExists): the conditional insert lost.</summary>
public sealed class TableEntityAlreadyExistsException(string partitionKey, string rowKey, string message, string? errorCode)
    : RequestFailedException(409, message, errorCode ?? "EntityAlreadyExists", null)
{
    /// <summary>Partition key of the entity that already exists.</summary>
    public string PartitionKey { get; } = partitionKey;

    /// <summary>Row key of the entity that already exists.</summary>
    public string RowKey { get; } = rowKey;
}
