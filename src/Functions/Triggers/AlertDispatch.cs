using Azure.Storage.Queues.Models;
using Scheduler.Application.Alerts.Dispatch;

namespace Scheduler.Functions.Triggers;

/// <summary>The <c>alert-dispatch</c> queue: one recipient's digest per message.</summary>
public sealed class AlertDispatch(AlertDispatcher dispatcher, QueueRefusal refusal)
{
    /// <summary>The function.</summary>
    [Function(nameof(AlertDispatch))]
    public Task RunAsync([QueueTrigger(QueueNames.AlertDispatch)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return refusal.RunAsync(QueueNames.AlertDispatch, message, (body, ct) => dispatcher.DispatchAsync(body, message.MessageId, message.DequeueCount, ct), cancellationToken);
    }
}
