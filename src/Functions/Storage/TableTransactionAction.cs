using Azure;

namespace Scheduler.Functions.Storage;

/// <summary>What one action in an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (If-Match: the entity's ETag, or * when it has none).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (If-Match: the entity's ETag, or * when it has none).</summary>
    UpdateReplace,

    /// <summary>Delete (If-Match: the entity's ETag, or * when it has none).</summary>
    Delete,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,
}

/// <summary>One action in an entity-group transaction.</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity (for Delete only the keys and ETag are used).</param>
/// <param name="ETag">Condition for update/delete; default means the entity's own ETag, or * if it has none.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, TableEntity Entity, ETag ETag = default);

/// <summary>The outcome of one action in a committed transaction.</summary>
/// <param name="Status">HTTP status of the action (201 or 204).</param>
/// <param name="ETag">New ETag of the written entity; default for deletes.</param>
public sealed record TableTransactionResult(int Status, ETag ETag);
