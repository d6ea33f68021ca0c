using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>An entity-group transaction was rejected; nothing in it was applied.</summary>
public sealed class TableTransactionFailedException(int status, string message, string? errorCode, int? failedActionIndex)
    : RequestFailedException(status, message, errorCode, null)
{
    /// <summary>Zero-based index of the action that failed, when the service said which one.</summary>
    public int? FailedTransactionActionIndex { get; } = failedActionIndex;
}
