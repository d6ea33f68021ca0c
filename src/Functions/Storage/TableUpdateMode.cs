namespace Scheduler.Functions.Storage;

/// <summary>How an update or upsert treats properties the new entity does not carry.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep properties absent from the new entity (HTTP MERGE).</summary>
    Merge,

    /// <summary>Replace the whole entity, dropping absent properties (HTTP PUT).</summary>
    Replace,
}
