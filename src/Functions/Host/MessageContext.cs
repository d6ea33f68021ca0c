using NodaTime;

namespace Scheduler.Functions.Host;

/// <summary>Where a message came from and how often it has been delivered.</summary>
/// <param name="FunctionName">The function that received it.</param>
/// <param name="QueueName">The queue it was read from.</param>
/// <param name="MessageId">Service Bus <c>MessageId</c> or storage queue message id, when the trigger supplies one.</param>
/// <param name="DeliveryCount">1 on first delivery.</param>
/// <param name="EnqueuedTime">When the message was enqueued, when known.</param>
public sealed record MessageContext(string FunctionName, string QueueName, string? MessageId, int DeliveryCount, Instant? EnqueuedTime);
