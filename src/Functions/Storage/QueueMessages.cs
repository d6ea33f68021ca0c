namespace Scheduler.Functions.Storage;

/// <summary>A received message: hidden from others until its visibility timeout ends; delete it with the pop receipt.</summary>
/// <param name="MessageId">Service-assigned id.</param>
/// <param name="PopReceipt">Receipt proving this receive; needed to delete or update.</param>
/// <param name="DequeueCount">How many times the message has been received, this time included.</param>
/// <param name="InsertedOn">When it was enqueued.</param>
/// <param name="ExpiresOn">When it expires.</param>
/// <param name="NextVisibleOn">When it becomes visible again unless deleted.</param>
/// <param name="MessageText">Decoded text.</param>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    long DequeueCount,
    DateTimeOffset? InsertedOn,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NextVisibleOn,
    string MessageText);

/// <summary>A peeked message (not hidden, no pop receipt).</summary>
/// <param name="MessageId">Service-assigned id.</param>
/// <param name="DequeueCount">How many times it has been received.</param>
/// <param name="InsertedOn">When it was enqueued.</param>
/// <param name="ExpiresOn">When it expires.</param>
/// <param name="MessageText">Decoded text.</param>
public sealed record PeekedMessage(string MessageId, long DequeueCount, DateTimeOffset? InsertedOn, DateTimeOffset? ExpiresOn, string MessageText);

/// <summary>What the service returns for a sent message.</summary>
/// <param name="MessageId">Service-assigned id.</param>
/// <param name="PopReceipt">Receipt usable to delete or update the message.</param>
/// <param name="InsertionTime">When it was enqueued.</param>
/// <param name="ExpirationTime">When it expires.</param>
/// <param name="TimeNextVisible">When it first becomes visible.</param>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset? InsertionTime, DateTimeOffset? ExpirationTime, DateTimeOffset? TimeNextVisible);

/// <summary>The outcome of updating a message: a new pop receipt replaces the old one.</summary>
/// <param name="PopReceipt">The new pop receipt.</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset? NextVisibleOn);
