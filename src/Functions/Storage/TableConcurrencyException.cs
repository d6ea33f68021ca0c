using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>An update or delete carried an ETag that no longer matches (HTTP 412): someone else changed the entity first.</summary>
public sealed class TableConcurrencyException(string partitionKey, string rowKey, string message, string? errorCode)
    : RequestFailedException(412, message, errorCode ?? "UpdateConditionNotSatisfied", null)
{
    /// <summary>Partition key of the contested entity.</summary>
    public string PartitionKey { get; } = partitionKey;

    /// <summary>Row key of the contested entity.</summary>
    public string RowKey { get; } = rowKey;
}
