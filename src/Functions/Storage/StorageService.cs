namespace Scheduler.Functions.Storage;

/// <summary>Which storage service a pipeline talks to (they sign requests differently).</summary>
internal enum StorageService
{
    Table,
    Queue,
}
